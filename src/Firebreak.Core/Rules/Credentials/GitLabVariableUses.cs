using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Firebreak.Core.Commands;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Platforms.GitLabCi;
using Firebreak.Core.Text;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules.Credentials;

/// <summary>
/// Where a GitLab pipeline uses credential-looking variables (<c>$RAILWAY_API_TOKEN</c>, <c>${AWS_SECRET_ACCESS_KEY}</c>):
/// in job scripts (already parsed as shell) and in <c>variables:</c> values. GitLab gives every project CI/CD variable to
/// every job unless it is protected or environment-scoped, so the use, not the definition, is what can be seen here.
/// </summary>
internal static class GitLabVariableUses
{
    // Inside one already-parsed scalar or script: a parameter reference.
    private static readonly Regex Reference = new(@"\$\{?([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);
    private static readonly Regex CredentialName = new(@"(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIALS?|(^|_)PAT$|(^|_)KEY$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static bool LooksLikeCredential(string name) =>
        CredentialName.IsMatch(name) && !name.StartsWith("CI_", StringComparison.Ordinal);

    /// <summary>Credential-looking variable references in a scalar's value, spans in the file.</summary>
    public static IEnumerable<(string Name, TextSpan Span)> In(YamlScalar? scalar, string hostText)
    {
        if (scalar is null || scalar.IsNull) yield break;
        var text = scalar.ToEmbeddedText(hostText);
        foreach (var reference in In(text)) yield return reference;
    }

    public static IEnumerable<(string Name, TextSpan Span)> In(EmbeddedText text)
    {
        foreach (Match match in Reference.Matches(text.Value))
        {
            var name = match.Groups[1].Value;
            if (!LooksLikeCredential(name)) continue;
            int end = match.Index + match.Length;
            bool braced = match.Value.StartsWith("${", StringComparison.Ordinal) && end < text.Value.Length && text.Value[end] == '}';
            yield return (name, text.MapToHost(TextSpan.FromBounds(match.Index, braced ? end + 1 : end)));
        }
    }

    /// <summary>Each job's credential references: its scripts and its own <c>variables:</c>.</summary>
    public static IEnumerable<(GitLabJob Job, string Name, TextSpan Span)> ByJob(DocumentContext document, GitLabPipeline pipeline)
    {
        string host = document.Text.Text;
        foreach (var source in ShellSources.Of(document))
        {
            if (source.Context.Name is not { } name || pipeline.Job(name) is not { } job) continue;
            foreach (var (variable, span) in In(source.Text)) yield return (job, variable, span);
        }
        foreach (var job in pipeline.Jobs)
            foreach (var variable in job.Variables)
                foreach (var (name, span) in In(variable.Value, host)) yield return (job, name, span);
    }
}
