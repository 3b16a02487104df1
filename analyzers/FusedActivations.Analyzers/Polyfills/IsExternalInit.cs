namespace System.Runtime.CompilerServices;

/// <summary>Lets netstandard2.0 code declare <c>init</c> accessors (the match records are immutable).</summary>
internal static class IsExternalInit
{
}
