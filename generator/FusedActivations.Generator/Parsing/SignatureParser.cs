using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FusedActivations.Generator.Diagnostics;
using FusedActivations.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FusedActivations.Generator.Parsing;

/// <summary>
/// Recognizes the supported signatures: <c>void F(ReadOnlySpan&lt;T&gt;, Span&lt;T&gt;)</c>,
/// <c>void F(Span&lt;T&gt;)</c> and <c>T F(T)</c> with T float or double. Anything else gets FA1003 (wrong shape) or
/// FA1004 (right shape, wrong element type) at the offending parameter or return type.
/// </summary>
internal static class SignatureParser
{
    /// <summary>
    /// The signature, or null when it is unsupported (diagnostics added) or mentions types that do not resolve yet
    /// (quietly: the compiler reports those, and the user is probably still typing).
    /// </summary>
    public static Signature? Parse(IMethodSymbol method, MethodDeclarationSyntax syntax, Compilation compilation, List<DiagnosticInfo> diagnostics)
    {
        if (ContainsErrorType(method.ReturnType)
            || method.Parameters.Any(parameter => ContainsErrorType(parameter.Type))
            || !NamesAreUsable(method))
        {
            return null;
        }

        var context = new SignatureContext(method, syntax, compilation, diagnostics);
        if (HiddenCoreSpan(compilation) is { } hidden)
        {
            // The generated kernels use the core library's spans everywhere (their tables are ReadOnlySpan<double>): a
            // look-alike in source takes over every mention of the name, so one diagnostic for the method says it all.
            return context.Unsupported(
                context.MethodLocation,
                $"'{hidden}' is declared in this project's source and hides the core library's type, which the generated kernel needs; remove or rename that declaration");
        }

        if (!CheckPassingModes(context))
        {
            return null;
        }

        int count = method.Parameters.Length;
        if (method.ReturnsVoid)
        {
            return count switch
            {
                2 => ParseSpanToSpan(context),
                1 => ParseInPlace(context),
                0 => context.Unsupported(context.ParameterListLocation, "it has no parameters"),
                _ => context.Unsupported(context.ParameterListLocation, $"it has {count} parameters"),
            };
        }

        return count switch
        {
            1 => ParseScalar(context),
            2 => context.Unsupported(context.ReturnTypeLocation, "a method with two parameters must return void"),
            0 => context.Unsupported(context.ParameterListLocation, "it has no parameters"),
            _ => context.Unsupported(context.ParameterListLocation, $"it has {count} parameters"),
        };
    }

    /// <summary>Rejects by-reference parameters and returns, extension methods and __arglist.</summary>
    private static bool CheckPassingModes(SignatureContext context)
    {
        bool valid = true;
        if (context.Method.IsVararg)
        {
            context.Unsupported(context.ParameterListLocation, "variable argument lists (__arglist) are not supported");
            valid = false;
        }

        for (int i = 0; i < context.Method.Parameters.Length; i++)
        {
            ParameterSyntax? parameter = context.ParameterSyntax(i);
            string name = context.Method.Parameters[i].Name;
            if (parameter is not null && parameter.Modifiers.Any(SyntaxKind.ThisKeyword))
            {
                context.Unsupported(LocationInfo.From(parameter), $"parameter '{name}' is declared 'this', but extension methods are not supported");
                valid = false;
            }
            else if (context.Method.Parameters[i].RefKind != RefKind.None)
            {
                string mode = parameter is null
                    ? context.Method.Parameters[i].RefKind.ToString().ToLowerInvariant()
                    : string.Join(" ", parameter.Modifiers.Where(IsRefModifier).Select(modifier => modifier.Text));
                context.Unsupported(context.ParameterLocation(i), $"parameter '{name}' is passed by reference ('{mode}'), but only by value is supported");
                valid = false;
            }
        }

        if (context.Method.ReturnsByRef || context.Method.ReturnsByRefReadonly)
        {
            context.Unsupported(context.ReturnTypeLocation, "it returns by reference, but only by value is supported");
            valid = false;
        }

        return valid;
    }

    private static Signature? ParseSpanToSpan(SignatureContext context)
    {
        ITypeSymbol? input = SpanElement(context, context.Method.Parameters[0].Type, "ReadOnlySpan");
        ITypeSymbol? output = SpanElement(context, context.Method.Parameters[1].Type, "Span");
        bool valid = true;
        if (input is null)
        {
            context.Unsupported(context.ParameterTypeLocation(0), $"the first of two parameters must be a ReadOnlySpan<T>, not {Shown(context, context.Method.Parameters[0].Type)}");
            valid = false;
        }

        if (output is null)
        {
            context.Unsupported(context.ParameterTypeLocation(1), $"the second of two parameters must be a Span<T>, not {Shown(context, context.Method.Parameters[1].Type)}");
            valid = false;
        }

        if (input is null || output is null)
        {
            return null;
        }

        // One diagnostic when both spans have the same unsupported element type, as for 'int F(int x)'.
        ElementType? inputElement = context.Element(input, context.ParameterTypeLocation(0));
        ElementType? outputElement = SymbolEqualityComparer.Default.Equals(input, output)
            ? inputElement
            : context.Element(output, context.ParameterTypeLocation(1));
        if (inputElement is null || outputElement is null || !valid)
        {
            return null;
        }

        if (inputElement != outputElement)
        {
            return context.Unsupported(context.ParameterTypeLocation(1), $"the destination's element type '{output}' differs from the input's '{input}'");
        }

        return context.Success(MethodShape.SpanToSpan, inputElement.Value);
    }

    private static Signature? ParseInPlace(SignatureContext context)
    {
        ITypeSymbol? element = SpanElement(context, context.Method.Parameters[0].Type, "Span");
        if (element is null)
        {
            return context.Unsupported(context.ParameterTypeLocation(0), $"the parameter of an in-place method must be a Span<T>, not {Shown(context, context.Method.Parameters[0].Type)}");
        }

        ElementType? elementType = context.Element(element, context.ParameterTypeLocation(0));
        return elementType is null ? null : context.Success(MethodShape.InPlace, elementType.Value);
    }

    private static Signature? ParseScalar(SignatureContext context)
    {
        ITypeSymbol parameter = context.Method.Parameters[0].Type;
        ITypeSymbol returned = context.Method.ReturnType;
        if (IsSpan(context, parameter))
        {
            return context.Unsupported(context.ParameterTypeLocation(0), "a method taking a span must return void");
        }

        if (IsSpan(context, returned))
        {
            return context.Unsupported(context.ReturnTypeLocation, "returning a span is not supported");
        }

        ElementType? parameterElement = context.Element(parameter, context.ParameterTypeLocation(0));

        // One diagnostic when both are the same unsupported type ('int F(int x)'), two when they differ.
        ElementType? returnElement = SymbolEqualityComparer.Default.Equals(parameter, returned)
            ? parameterElement
            : context.Element(returned, context.ReturnTypeLocation);
        if (parameterElement is null || returnElement is null)
        {
            return null;
        }

        if (parameterElement != returnElement)
        {
            return context.Unsupported(context.ReturnTypeLocation, $"the return type '{returned}' differs from the parameter type '{parameter}'");
        }

        return context.Success(MethodShape.Scalar, parameterElement.Value);
    }

    /// <summary>
    /// False while the user is typing a parameter's name (a missing name is empty) or has two parameters of one name:
    /// the compiler reports both, and calling the kernel with such names cannot compile.
    /// </summary>
    internal static bool NamesAreUsable(IMethodSymbol method)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        return method.Parameters.All(parameter => parameter.Name.Length > 0 && names.Add(parameter.Name));
    }

    /// <summary>System.Span&lt;T&gt; or System.ReadOnlySpan&lt;T&gt; when the compilation's own source declares it, else null.</summary>
    internal static string? HiddenCoreSpan(Compilation compilation) =>
        compilation.Assembly.GetTypeByMetadataName("System.ReadOnlySpan`1") is not null ? "System.ReadOnlySpan<T>"
        : compilation.Assembly.GetTypeByMetadataName("System.Span`1") is not null ? "System.Span<T>"
        : null;

    /// <summary>
    /// T when <paramref name="type"/> is the core library's <c>System.{name}&lt;T&gt;</c>, otherwise null. Matched by
    /// symbol identity, not by name: a look-alike <c>System.Span&lt;T&gt;</c> declared in source or in another assembly
    /// is not the type the kernels take, and must get FA1003 instead of generated code that does not compile.
    /// </summary>
    private static ITypeSymbol? SpanElement(SignatureContext context, ITypeSymbol type, string name) =>
        type is INamedTypeSymbol { Arity: 1 } named
            && named.Name == name
            && CoreType(context.Compilation, "System." + name + "`1") is { } span
            && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, span)
            ? named.TypeArguments[0]
            : null;

    /// <summary>
    /// The type <paramref name="metadataName"/> of the core library (the assembly that defines <c>System.Object</c>),
    /// or, where it lives elsewhere (System.Memory), the one referenced type of that name; never a type from source.
    /// </summary>
    internal static INamedTypeSymbol? CoreType(Compilation compilation, string metadataName)
    {
        INamedTypeSymbol? type = compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly?.GetTypeByMetadataName(metadataName);
        if (type is not null)
        {
            return type;
        }

        type = compilation.GetTypeByMetadataName(metadataName);
        return type is not null && type.DeclaringSyntaxReferences.IsEmpty ? type : null;
    }

    /// <summary>The type as a message shows it; a look-alike span says where it comes from, since it reads the same.</summary>
    private static string Shown(SignatureContext context, ITypeSymbol type) =>
        type is INamedTypeSymbol { Arity: 1, Name: "Span" or "ReadOnlySpan" } named && SpanElement(context, type, named.Name) is null
            ? $"'{type}' declared in {(named.DeclaringSyntaxReferences.IsEmpty ? "assembly '" + named.ContainingAssembly?.Name + "'" : "source")}, which is not the core library's {named.Name}<T>"
            : $"'{type}'";

    private static bool IsSpan(SignatureContext context, ITypeSymbol type) =>
        SpanElement(context, type, "Span") is not null || SpanElement(context, type, "ReadOnlySpan") is not null;

    private static bool IsRefModifier(SyntaxToken modifier) =>
        modifier.IsKind(SyntaxKind.RefKeyword)
        || modifier.IsKind(SyntaxKind.OutKeyword)
        || modifier.IsKind(SyntaxKind.InKeyword)
        || modifier.IsKind(SyntaxKind.ReadOnlyKeyword);

    internal static bool ContainsErrorType(ITypeSymbol? type) => type switch
    {
        null => true,
        { TypeKind: TypeKind.Error } => true,
        INamedTypeSymbol named => named.TypeArguments.Any(ContainsErrorType),
        IArrayTypeSymbol array => ContainsErrorType(array.ElementType),
        IPointerTypeSymbol pointer => ContainsErrorType(pointer.PointedAtType),
        _ => false,
    };
}
