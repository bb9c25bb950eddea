using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Firebreak.CodeFixes;

/// <summary>
/// The mechanical safe form of an unsafe setting the analyzers report with a fix hint: <c>SkipFinalSnapshot = false</c>
/// plus a final snapshot identifier, <c>DeleteAutomatedBackups = false</c>, <c>DeletionProtection = true</c>,
/// <c>ForceDestroy</c>/<c>AutoDeleteObjects = false</c>, and CDK's <c>RemovalPolicy.SNAPSHOT</c> (databases) or
/// <c>RETAIN</c> (other stores). The analyzer says which (the <c>FirebreakFix</c> property of the diagnostic); this
/// class only edits syntax.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SafeSettingCodeFix)), Shared]
public sealed class SafeSettingCodeFix : CodeFixProvider
{
    /// <summary>The diagnostic property the analyzers set (UnsafeIacSettingAnalyzer.FixProperty).</summary>
    internal const string FixProperty = "FirebreakFix";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create("FB1004", "FB1041", "FB1101", "FB1102", "FB1103", "FB1104", "FB3001");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixProperty, out var fix) || fix is null) continue;
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            string title = fix switch
            {
                "SNAPSHOT" or "RETAIN" => $"Use RemovalPolicy.{fix}",
                _ when node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is { Left: var left } => $"Set {LastName(left)} = {fix}",
                _ => $"Use {fix}",
            };
            context.RegisterCodeFix(
                CodeAction.Create(title, c => Apply(context.Document, diagnostic.Location.SourceSpan, fix, c), equivalenceKey: "Firebreak.SafeSetting"),
                diagnostic);
        }
    }

    private static async Task<Document> Apply(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, string fix, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return document;
        var node = root.FindNode(span, getInnermostNodeForTie: true);

        if (fix is "SNAPSHOT" or "RETAIN")
        {
            var expression = node switch
            {
                MemberAccessExpressionSyntax member => member,
                ArgumentSyntax argument => argument.Expression,
                _ => node.FirstAncestorOrSelf<AssignmentExpressionSyntax>()?.Right,
            };
            if (expression is MemberAccessExpressionSyntax access)
                return document.WithSyntaxRoot(root.ReplaceNode(access.Name, SyntaxFactory.IdentifierName(fix).WithTriviaFrom(access.Name)));
            return document;
        }

        if (node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is not { } assignment) return document;
        var literal = SyntaxFactory.LiteralExpression(fix == "true" ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression).WithTriviaFrom(assignment.Right);
        var fixedAssignment = assignment.WithRight(literal);

        // SkipFinalSnapshot = false needs a name for the snapshot it now keeps.
        if (LastName(assignment.Left) == "SkipFinalSnapshot" && assignment.Parent is InitializerExpressionSyntax initializer
            && await FinalSnapshotProperty(document, initializer, cancellationToken).ConfigureAwait(false) is { } property
            && !initializer.Expressions.OfType<AssignmentExpressionSyntax>().Any(a => LastName(a.Left) == property))
        {
            var added = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(property), FinalSnapshotName(initializer));
            var expressions = initializer.Expressions.Replace(assignment, fixedAssignment);
            int at = expressions.IndexOf(e => e is AssignmentExpressionSyntax a && LastName(a.Left) == "SkipFinalSnapshot");
            expressions = expressions.Insert(at + 1, added.WithLeadingTrivia(fixedAssignment.GetLeadingTrivia()));
            var rebuilt = initializer.WithExpressions(expressions);
            return document.WithSyntaxRoot(root.ReplaceNode(initializer, rebuilt));
        }
        return document.WithSyntaxRoot(root.ReplaceNode(assignment, fixedAssignment));
    }

    /// <summary><c>FinalSnapshotIdentifier</c> (Pulumi) or <c>FinalDBSnapshotIdentifier</c> (AWS SDK), when the type has one.</summary>
    private static async Task<string?> FinalSnapshotProperty(Document document, InitializerExpressionSyntax initializer, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model?.GetTypeInfo(initializer.Parent!, cancellationToken).Type is not { } type) return null;
        foreach (var name in new[] { "FinalSnapshotIdentifier", "FinalDBSnapshotIdentifier" })
            if (type.GetMembers(name).Any(m => m is IPropertySymbol)) return name;
        return null;
    }

    /// <summary>The instance identifier the initializer sets, plus <c>"-final"</c>; else the Pulumi resource name; else a placeholder name.</summary>
    private static ExpressionSyntax FinalSnapshotName(InitializerExpressionSyntax initializer)
    {
        var identifier = initializer.Expressions.OfType<AssignmentExpressionSyntax>()
            .FirstOrDefault(a => LastName(a.Left) is "DBInstanceIdentifier" or "DBClusterIdentifier" or "Identifier" or "ClusterIdentifier");
        if (identifier?.Right is LiteralExpressionSyntax { Token.ValueText: var text } && identifier.Right.IsKind(SyntaxKind.StringLiteralExpression))
            return Literal(text + "-final");
        if (identifier is not null)
            return SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, identifier.Right.WithoutTrivia(), Literal("-final"));
        if (initializer.Parent?.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ObjectCreationExpressionSyntax resource } }
            && resource.ArgumentList!.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax { Token.ValueText: var name } first
            && first.IsKind(SyntaxKind.StringLiteralExpression))
            return Literal(name + "-final");
        return Literal("final-snapshot");
    }

    private static LiteralExpressionSyntax Literal(string text) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));

    private static string LastName(ExpressionSyntax target) => target switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax name => name.Identifier.ValueText,
        _ => target.ToString(),
    };
}
