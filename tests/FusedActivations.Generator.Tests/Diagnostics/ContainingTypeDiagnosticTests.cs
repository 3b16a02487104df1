using FusedActivations.Generator.Tests.Infrastructure;
using Xunit;

namespace FusedActivations.Generator.Tests.Diagnostics;

/// <summary>FA1010 (containing type not partial) and FA1012 (interface or file-local type), on the type's name.</summary>
public sealed class ContainingTypeDiagnosticTests
{
    private const string Method = "[Softplus] public static partial void F(Span<float> values);";

    [Fact]
    public void FA1010_ContainingTypeMustBePartial() =>
        DiagnosticAssert.Single(
            Sources.Usings + $$"""
            public static class [|Act|]
            {
                {{Method}}
            }
            """,
            "FA1010",
            "Type 'Act', which contains the activation method 'F', must be declared 'partial' so that the generator can add the method's body",
            // The throwing body is emitted in a partial part of the type: the compiler's one error then says what FA1010 says.
            expectedCompilerIds: new[] { "CS0260" });

    [Fact]
    public void FA1010_OuterTypeMustBePartialToo() =>
        DiagnosticAssert.Single(
            Sources.Usings + $$"""
            namespace Tests
            {
                public class [|Outer|]
                {
                    public static partial class Inner
                    {
                        {{Method}}
                    }
                }
            }
            """,
            "FA1010",
            "Type 'Outer', which contains the activation method 'F', must be declared 'partial' so that the generator can add the method's body",
            expectedCompilerIds: new[] { "CS0260" });

    [Fact]
    public void FA1012_InterfaceIsNotSupported() =>
        DiagnosticAssert.Single(
            Sources.Usings + $$"""
            public partial interface [|IAct|]
            {
                {{Method}}
            }
            """,
            "FA1012",
            "Method 'F' is declared in interface 'IAct': declare activation methods in a partial class, struct, record or record struct instead");

    [Fact]
    public void FA1012_FileLocalTypeIsNotSupported() =>
        DiagnosticAssert.Single(
            Sources.Usings + $$"""
            file static partial class [|Act|]
            {
                {{Method}}
            }
            """,
            "FA1012",
            "Method 'F' is declared in file-local type 'Act': declare activation methods in a partial class, struct, record or record struct instead",
            // A file-local type cannot be re-opened from the generated file: the implementation FA1012 explains is missing.
            expectedCompilerIds: new[] { "CS8795" });
}
