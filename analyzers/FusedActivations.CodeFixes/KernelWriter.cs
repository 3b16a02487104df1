using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace FusedActivations.CodeFixes;

/// <summary>
/// What the kernel fixes (<see cref="GenerateKernelCodeFixProvider"/>, <see cref="GenerateFusedKernelCodeFixProvider"/>,
/// <see cref="GenerateSpanKernelCodeFixProvider"/>) write, built with <see cref="SyntaxGenerator"/>: types spelled as the
/// file at the fixed code can see them (collecting the usings that make short names work), the kernel's
/// <c>private static partial</c> declaration with its attribute, its formula method, the span arguments of its call,
/// and the new members added to the type of the fixed code, made partial with every type that contains it (or, for
/// top-level statements, to a <c>partial class Program</c>).
/// </summary>
internal sealed class KernelWriter
{
    private readonly DocumentEditor editor;
    private readonly SemanticModel model;
    private readonly int position;
    private readonly HashSet<string> imports = new(StringComparer.Ordinal);

    public KernelWriter(DocumentEditor editor, SemanticModel model, int position)
    {
        this.editor = editor;
        this.model = model;
        this.position = position;
    }

    public SyntaxGenerator Generator => editor.Generator;

    /// <summary>
    /// The type the kernel goes into: the one declared around <paramref name="node"/> (<paramref name="declaration"/>),
    /// or for top-level statements their Program class (no declaration).
    /// </summary>
    public static INamedTypeSymbol? FindType(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken, out TypeDeclarationSyntax? declaration)
    {
        declaration = node.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        return declaration is not null
            ? model.GetDeclaredSymbol(declaration, cancellationToken)
            : model.GetEnclosingSymbol(node.SpanStart, cancellationToken)?.ContainingType;
    }

    /// <summary>
    /// The name of <paramref name="type"/> (a generic one without its type arguments): the simple name when it is in
    /// scope or a using makes it so, else the global name.
    /// </summary>
    public NameSyntax TypeName(INamedTypeSymbol type)
    {
        if (Imports.Spell(model, position, type, type.Name, out string? namespaceToImport) == type.Name)
        {
            if (namespaceToImport is not null)
            {
                imports.Add(namespaceToImport);
            }

            return SyntaxFactory.IdentifierName(type.Name);
        }

        return SyntaxFactory.ParseName("global::" + type.ContainingNamespace.ToDisplayString() + "." + type.Name);
    }

    /// <summary><c>float</c> or <c>double</c>.</summary>
    public SyntaxNode ElementType(ITypeSymbol element) => Generator.TypeExpression(element.SpecialType);

    /// <summary><c>Span&lt;float&gt;</c>, <c>ReadOnlySpan&lt;double&gt;</c>: a generic type of the element type.</summary>
    public SyntaxNode Of(INamedTypeSymbol genericType, ITypeSymbol element)
    {
        NameSyntax name = TypeName(genericType);
        var arguments = SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList((TypeSyntax)ElementType(element)));
        return name is QualifiedNameSyntax qualified
            ? qualified.WithRight(SyntaxFactory.GenericName(qualified.Right.Identifier, arguments))
            : SyntaxFactory.GenericName(((IdentifierNameSyntax)name).Identifier, arguments);
    }

    /// <summary>
    /// <c>[Softplus(Beta = 2)]</c>: the attribute without its suffix, unless a type named like the short form is in
    /// scope too (then <c>[Softplus]</c> would not bind to it: written out from <c>global::</c>).
    /// </summary>
    public SyntaxNode Attribute(INamedTypeSymbol attribute, IReadOnlyList<SyntaxNode> arguments)
    {
        string shortName = attribute.Name.EndsWith("Attribute", StringComparison.Ordinal)
            ? attribute.Name.Substring(0, attribute.Name.Length - "Attribute".Length)
            : attribute.Name;
        NameSyntax name = model.LookupNamespacesAndTypes(position, name: shortName).IsEmpty && TypeName(attribute) is IdentifierNameSyntax
            ? SyntaxFactory.IdentifierName(shortName)
            : SyntaxFactory.ParseName("global::" + attribute.ContainingNamespace.ToDisplayString() + "." + shortName);
        return arguments.Count > 0 ? Generator.Attribute(name, arguments) : Generator.Attribute(name);
    }

    /// <summary>
    /// <c>[Fused(nameof(name))]</c>. The <c>nameof</c> token is made a contextual keyword as the parser makes it: a plain
    /// identifier <c>nameof</c> binds as a call of a method named nameof until the file is parsed again, so a second fix
    /// in the same Fix All pass would not see the first one's formula name.
    /// </summary>
    public SyntaxNode FusedAttribute(INamedTypeSymbol fusedAttribute, string name)
    {
        SyntaxToken nameOf = SyntaxFactory.Identifier(SyntaxFactory.TriviaList(), SyntaxKind.NameOfKeyword, "nameof", "nameof", SyntaxFactory.TriviaList());
        return Attribute(fusedAttribute, new[] { Generator.AttributeArgument(Generator.InvocationExpression(SyntaxFactory.IdentifierName(nameOf), Generator.IdentifierName(name))) });
    }

    /// <summary><c>[attribute] private static partial void name(parameters);</c></summary>
    public SyntaxNode PartialMethod(string name, IEnumerable<SyntaxNode> parameters, SyntaxNode attribute) =>
        Generator.AddAttributes(
            Generator.MethodDeclaration(name, parameters, accessibility: Accessibility.Private, modifiers: DeclarationModifiers.Static | DeclarationModifiers.Partial),
            attribute);

    /// <summary><c>private static T name(T a, T b) =&gt; body;</c>: a formula method, expression-bodied.</summary>
    public SyntaxNode FormulaMethod(string name, IEnumerable<string> parameterNames, ITypeSymbol element, ExpressionSyntax body)
    {
        var method = (MethodDeclarationSyntax)Generator.MethodDeclaration(
            name,
            parameterNames.Select(parameter => Generator.ParameterDeclaration(parameter, ElementType(element))),
            returnType: ElementType(element),
            accessibility: Accessibility.Private,
            modifiers: DeclarationModifiers.Static,
            statements: Array.Empty<SyntaxNode>());
        return method.WithBody(null).WithExpressionBody(SyntaxFactory.ArrowExpressionClause(body)).WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken));
    }

    /// <summary>
    /// An array or span argument of the kernel's call: itself where the loop covers all of it, else its first
    /// <paramref name="bound"/> elements (<c>x.AsSpan(0, n)</c>, <c>s.Slice(0, n)</c>).
    /// </summary>
    public SyntaxNode SpanArgument(IOperation collection, IOperation bound, bool coversBound)
    {
        SyntaxNode syntax = collection.Syntax.WithoutTrivia();
        if (coversBound)
        {
            return syntax;
        }

        bool isArray = collection.Type is IArrayTypeSymbol;
        if (isArray && model.LookupNamespacesAndTypes(position, name: "MemoryExtensions").All(s => s.ContainingNamespace?.ToDisplayString() != "System"))
        {
            imports.Add("System"); // AsSpan is an extension method of System.MemoryExtensions
        }

        return Generator.InvocationExpression(
            Generator.MemberAccessExpression(syntax, isArray ? "AsSpan" : "Slice"), Generator.LiteralExpression(0), bound.Syntax.WithoutTrivia());
    }

    /// <summary>
    /// Adds <paramref name="members"/>, each after a blank line, to the type declared by <paramref name="declaration"/>,
    /// making it and its containing types partial; with no declaration (top-level statements, whose Program class is
    /// implicitly partial) to a new <c>partial class</c> <paramref name="type"/> at the end of the file.
    /// </summary>
    public void AddMembers(TypeDeclarationSyntax? declaration, INamedTypeSymbol type, IReadOnlyList<SyntaxNode> members)
    {
        SyntaxNode root = declaration?.SyntaxTree.GetRoot() ?? editor.OriginalRoot;
        SyntaxTrivia endOfLine = SyntaxFactory.EndOfLine(Imports.EndOfLine(root));
        // A blank line before each new member, whatever the member before it ends with, and a line break of its own
        // after it, so that a kernel added before the clean-up (a second one in Fix All) gets its blank line too.
        var added = members.Select(member => member.WithLeadingTrivia(endOfLine).WithTrailingTrivia(endOfLine)).ToList();
        if (declaration is null)
        {
            // In the new class the first member starts the body, without a blank line.
            added[0] = added[0].WithLeadingTrivia();
            SyntaxNode program = Generator.ClassDeclaration(type.Name, modifiers: DeclarationModifiers.Partial, members: added);
            bool endsWithLineBreak = root.GetLastToken().TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            program = program.WithLeadingTrivia(endsWithLineBreak ? new[] { endOfLine } : new[] { endOfLine, endOfLine }).WithTrailingTrivia(endOfLine);
            editor.ReplaceNode(root, (node, generator) => generator.AddMembers(node, program));
            return;
        }

        foreach (TypeDeclarationSyntax enclosing in declaration.AncestorsAndSelf().OfType<TypeDeclarationSyntax>())
        {
            bool isTarget = enclosing == declaration;
            if (isTarget || !enclosing.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                editor.ReplaceNode(enclosing, (node, generator) =>
                {
                    var current = (TypeDeclarationSyntax)node;
                    current = current.Modifiers.Any(SyntaxKind.PartialKeyword) ? current : MakePartial(current);
                    return isTarget ? generator.AddMembers(current, added) : current;
                });
            }
        }
    }

    /// <summary>Softplus, Softplus2, Softplus3, ... (after the attribute): the first name no member of the type or symbol in scope has.</summary>
    public static string FreeName(string baseName, INamedTypeSymbol type, SemanticModel model, int position)
    {
        for (int suffix = 1; ; suffix++)
        {
            string name = suffix == 1 ? baseName : baseName + suffix.ToString(CultureInfo.InvariantCulture);
            bool taken = false;
            for (INamedTypeSymbol? t = type; t is not null && !taken; t = t.BaseType)
            {
                taken = !t.GetMembers(name).IsEmpty;
            }

            if (!taken && model.LookupSymbols(position, name: name).IsEmpty)
            {
                return name;
            }
        }
    }

    /// <summary>Adds the usings the spelled names need, once every other change is made.</summary>
    public void AddImports()
    {
        if (imports.Count > 0 && editor.OriginalRoot is CompilationUnitSyntax)
        {
            editor.ReplaceNode(editor.OriginalRoot, (node, _) => imports.OrderBy(n => n, StringComparer.Ordinal).Aggregate((CompilationUnitSyntax)node, Imports.AddUsing));
        }
    }

    /// <summary><c>class C</c> → <c>partial class C</c>, keeping the indentation and comments before the first keyword.</summary>
    private static TypeDeclarationSyntax MakePartial(TypeDeclarationSyntax declaration)
    {
        if (declaration.Modifiers.Count == 0)
        {
            SyntaxToken keyword = declaration.Keyword;
            SyntaxToken partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return declaration.ReplaceToken(keyword, keyword.WithLeadingTrivia(SyntaxFactory.TriviaList())).WithModifiers(SyntaxFactory.TokenList(partial));
        }

        return declaration.WithModifiers(declaration.Modifiers.Add(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space)));
    }
}
