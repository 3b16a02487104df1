using System.Linq;
using System.Text;
using System.Threading;
using FusedActivations.Generator.Model;
using FusedActivations.Generator.Parsing;
using FusedActivations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace FusedActivations.Generator.Tests.Parsing;

/// <summary>
/// The contract between the Parser and the emitter: a declaration written from nothing but the <see cref="MethodSpec"/>
/// (namespace, containing type keywords and names, modifiers, types, parameter names) must implement the user's
/// method. Checked here with a trivial body, independently of the kernel emitter.
/// </summary>
public sealed class SpecContractTests
{
    [Theory]
    [InlineData("public static partial class C", "public static partial void F(ReadOnlySpan<float> x, Span<float> destination);")]
    [InlineData("public partial struct C", "internal static partial void F(Span<double> values);")]
    [InlineData("public readonly partial struct C", "public static partial float F(float x);")]
    [InlineData("public ref partial struct C", "public static partial float F(float x);")]
    [InlineData("public readonly ref partial struct C", "public static partial void F(scoped Span<float> values);")]
    [InlineData("public partial record C(int A)", "private static partial double F(double x);")]
    [InlineData("public partial record class C", "protected static partial double F(double x);")]
    [InlineData("internal readonly partial record struct C(int A)", "public static partial void F(ReadOnlySpan<double> x, Span<double> y);")]
    [InlineData("public sealed partial class C<T> where T : struct", "public static partial float F(float x);")]
    [InlineData("public abstract partial class C", "public static partial float F(float x);")]
    [InlineData("public partial class C", "public static partial float @default(float @in);")]
    [InlineData("public partial class @class", "public static partial void F(Span<float> @values);")]
    public void ADeclarationWrittenFromTheSpecImplementsTheMethod(string typeHeader, string method) =>
        AssertImplementable(Sources.Usings + $$"""
            namespace Contract.Tests;
            {{typeHeader}}
            {
                [Softplus] {{method}}
            }
            """);

    [Fact]
    public void NestedGenericTypesInBlockNamespaces() =>
        AssertImplementable(Sources.Usings + """
            [AttributeUsage(AttributeTargets.GenericParameter)] public sealed class TagAttribute : Attribute { }
            namespace A.B { namespace C {
            public static partial class Outer<T, [Tag] U>
            {
                internal ref partial struct Middle
                {
                    private partial record Inner<V>
                    {
                        [Softplus] public static partial float F(float x);
                    }
                }
            }
            } }
            """);

    [Fact]
    public void GlobalNamespace() =>
        AssertImplementable(Sources.Usings + """
            partial class Global
            {
                [Softplus] static partial void F(Span<float> values);
            }
            """);

    [Fact]
    public void NewModifierAndParamsSpan() =>
        AssertImplementable(
            Sources.Usings + """
            public class Base { public static void F(Span<float> values) { } }
            public partial class Derived : Base
            {
                [Softplus] public new static partial void F(params Span<float> values);
            }
            """,
            LanguageVersion.CSharp13);

    private static void AssertImplementable(string source, LanguageVersion languageVersion = TestCompilation.DefaultLanguageVersion)
    {
        CSharpCompilation compilation = TestCompilation.Create(languageVersion, source);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        MethodDeclarationSyntax method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First(m => m.AttributeLists.Count > 0);
        ParseResult result = Parser.Parse(method, compilation.GetSemanticModel(tree), ParserHarness.Softplus, CancellationToken.None);
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Method);

        string implementation = TrivialImplementation(result.Method!);
        CSharpCompilation implemented = compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText(implementation, TestCompilation.ParseOptions(languageVersion), path: "Implementation.cs"));
        Diagnostic[] problems = implemented.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, implementation + "\n" + string.Join("\n", problems.Select(d => d.ToString())));
    }

    /// <summary>What an emitter writes around the kernel, with a body that only has to compile.</summary>
    private static string TrivialImplementation(MethodSpec spec)
    {
        var text = new StringBuilder();
        if (spec.Namespace is not null)
        {
            text.Append("namespace ").Append(spec.Namespace).Append(";\n");
        }

        foreach (ContainingTypeSpec type in spec.ContainingTypes)
        {
            text.Append("partial ").Append(type.Keyword).Append(' ').Append(type.NameWithTypeParameters).Append(" {\n");
        }

        string parameters = string.Join(", ", spec.Parameters.Select(p => (p.Modifiers.Length > 0 ? p.Modifiers + " " : "") + p.Type + " " + p.Name));
        string body = spec.Shape switch
        {
            MethodShape.Scalar => $"=> {spec.Parameters[0].Name};",
            MethodShape.InPlace => "{ }",
            _ => $"=> {spec.Parameters[0].Name}.CopyTo({spec.Parameters[1].Name});",
        };
        text.Append(spec.Modifiers).Append(' ').Append(spec.ReturnType).Append(' ').Append(spec.Name)
            .Append('(').Append(parameters).Append(") ").Append(body).Append('\n');
        text.Append('}', spec.ContainingTypes.Count);
        return text.Append('\n').ToString();
    }
}
