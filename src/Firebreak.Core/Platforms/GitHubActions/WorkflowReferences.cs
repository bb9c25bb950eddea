using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Text;

namespace Firebreak.Core.Platforms.GitHubActions;

public enum ContextReferenceKind
{
    /// <summary><c>secrets.NAME</c> or <c>secrets['NAME']</c>.</summary>
    Secret,
    /// <summary><c>vars.NAME</c>.</summary>
    Variable,
    /// <summary><c>toJSON(secrets)</c>: every secret at once.</summary>
    AllSecrets,
}

/// <summary>One <c>secrets.X</c> / <c>vars.X</c> / <c>toJSON(secrets)</c> inside a <c>${{ }}</c> expression, with its span in the file.</summary>
public sealed class ContextReference
{
    public ContextReference(ContextReferenceKind kind, string name, TextSpan span, YamlScalar scalar)
    {
        Kind = kind;
        Name = name;
        Span = span;
        Scalar = scalar;
    }

    public ContextReferenceKind Kind { get; }

    /// <summary>The secret or variable name; empty for <see cref="ContextReferenceKind.AllSecrets"/>.</summary>
    public string Name { get; }

    /// <summary>The reference itself (<c>secrets.RAILWAY_API_TOKEN</c>), not the whole expression.</summary>
    public TextSpan Span { get; }
    public YamlScalar Scalar { get; }
}

/// <summary>
/// Finds context references inside the <c>${{ … }}</c> expressions of scalars. The expressions are located in the raw
/// file text under each scalar's span, so the spans are exact; a regex is fine here because it runs inside one
/// already-parsed string (STYLE 5).
/// </summary>
public static class WorkflowReferences
{
    private static readonly Regex Expression = new(@"\$\{\{(?<body>.*?)\}\}", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static readonly Regex Reference = new(
        @"(?<all>to[Jj][Ss][Oo][Nn]\(\s*secrets\s*\))|(?<![\w.])(?<ctx>secrets|vars)(?:\.(?<name>[A-Za-z_][A-Za-z0-9_-]*)|\[\s*['""](?<name>[^'""]+)['""]\s*\])",
        RegexOptions.CultureInvariant);

    /// <summary>Every reference in the scalars under <paramref name="node"/> (aliases are not followed).</summary>
    public static IReadOnlyList<ContextReference> In(YamlNode? node, string hostText)
    {
        var found = new List<ContextReference>();
        if (node is not null) Collect(node, hostText, found, 0);
        return found;
    }

    private static void Collect(YamlNode node, string hostText, List<ContextReference> found, int depth)
    {
        if (depth > 200) return;
        switch (node)
        {
            case YamlScalar scalar:
                InScalar(scalar, hostText, found);
                break;
            case YamlMapping mapping:
                foreach (var pair in mapping.Pairs)
                {
                    Collect(pair.Key, hostText, found, depth + 1);
                    Collect(pair.Value, hostText, found, depth + 1);
                }
                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items) Collect(item, hostText, found, depth + 1);
                break;
        }
    }

    private static void InScalar(YamlScalar scalar, string hostText, List<ContextReference> found)
    {
        if (scalar.Value.IndexOf("${{", StringComparison.Ordinal) < 0) return;
        int start = scalar.Span.Start;
        int end = Math.Min(scalar.Span.End, hostText.Length);
        if (end <= start) return;
        string raw = hostText.Substring(start, end - start);
        foreach (Match expression in Expression.Matches(raw))
        {
            var body = expression.Groups["body"];
            foreach (Match reference in Reference.Matches(body.Value))
            {
                var span = new TextSpan(start + body.Index + reference.Index, reference.Length);
                if (reference.Groups["all"].Success)
                    found.Add(new ContextReference(ContextReferenceKind.AllSecrets, string.Empty, span, scalar));
                else
                    found.Add(new ContextReference(
                        reference.Groups["ctx"].Value == "secrets" ? ContextReferenceKind.Secret : ContextReferenceKind.Variable,
                        reference.Groups["name"].Value, span, scalar));
            }
        }
    }
}
