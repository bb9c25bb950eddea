using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Firebreak.Core.Commands;
using Firebreak.Core.Commands.Http;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Rules.Destructive;

/// <summary>
/// FB1002: a command calls a platform API operation that destroys data (the incident: one <c>curl</c> carrying a
/// Railway <c>volumeDelete</c> mutation, with a token that reached production, took the volume and its backups).
/// The span is the mutation's field name, or the URL of a REST call, mapped back through every embedding.
/// </summary>
public sealed class DestructiveApiCallRule : ShellCommandRule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.DestructiveApiCall;


    /// <summary>Headers that carry platform credentials, lower case.</summary>
    private static readonly string[] CredentialHeaderHints = { "authorization", "token", "api-key", "apikey", "auth-key", "x-auth" };

    private readonly PlatformApiCatalog _catalog;
    private readonly KeywordPrefilter _keywords;

    public DestructiveApiCallRule() : this(PlatformApiCatalog.Default)
    {
    }

    public DestructiveApiCallRule(PlatformApiCatalog catalog)
    {
        _catalog = catalog;
        _keywords = new KeywordPrefilter(catalog.Keywords);
    }

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override bool MightMatch(string text) => _keywords.ContainsAny(text);

    protected override void Check(ShellCommand command, ShellSource source, ShellCommandScope scope)
    {
        if (command.Name is null) return;
        var (document, sink) = (scope.Document, scope.Sink);
        bool? commandNamesProduction = null; // read once per command: a body of 40,000 mutations is one command
        foreach (var match in _catalog.Match(command, document.Catalogs.HttpClients))
        {
            if (sink.CountIfFull(Descriptor, document, match.Span)) continue;
            var (message, level) = Describe(document, source, match, ref commandNamesProduction);
            sink.Report(Descriptor, document, match.Span, message, level, match.Operation.Api.Id + ":" + match.Operation.DisplayName);
        }
    }

    private static (string Message, FindingLevel Level) Describe(DocumentContext document, ShellSource source, ApiCallMatch match, ref bool? commandNamesProduction)
    {
        var operation = match.Operation;
        string call = operation.Mutation != null
            ? $"sends the {operation.Api.Platform} GraphQL mutation `{operation.Mutation}`"
            : $"calls `{operation.Method}` on the {operation.Api.Platform} API ({operation.PathTemplate})";
        string program = match.Command.Name ?? "The command";
        var message = $"`{program}` {call}, which deletes {operation.Destroys}.";

        string? environment = source.Context.Environment;
        bool productionJob = environment != null && EnvironmentClassifier.IsProduction(environment);
        // A job called `production` with no `environment:` still says where it deploys.
        bool productionByName = !productionJob && source.Context.Name != null && EnvironmentClassifier.IsProduction(source.Context.Name);
        string text = document.Text.Text;
        bool production = productionJob || productionByName || (commandNamesProduction ??=
            EnvironmentClassifier.IsProduction(text, Math.Min(match.Command.Span.Start, text.Length), Math.Min(match.Command.Span.End, text.Length)));
        FindingLevel level;
        if (operation.Impact == ApiImpact.Data || operation.BackupsDie)
        {
            level = FindingLevel.Error;
            message += operation.BackupsDie ? " Nothing is left on the platform to restore from." : " The data cannot be recovered from the platform.";
        }
        else if (production)
        {
            level = FindingLevel.Error;
        }
        else
        {
            level = FindingLevel.Warning;
            message += operation.Impact == ApiImpact.Compute ? " It can be redeployed, but not undone." : " The setting can be restored by hand.";
        }
        if (productionJob) message += $" Its {source.Host} belongs to '{source.Context.Name}', which declares `environment: {environment}`.";
        else if (productionByName) message += $" Its {source.Host} belongs to '{source.Context.Name}', production by its name.";
        else if (production) message += " The call names a production target.";
        if (match.Request is { } request && CredentialHeader(request) is { } header) message += " " + DescribeToken(header);
        message += " Remove the call from automation or require a manual approval, and give the job a token scoped to the one resource it may delete.";
        return (message, level);
    }

    private static HttpHeader? CredentialHeader(HttpRequest request)
    {
        foreach (var header in request.Headers)
        {
            string name = header.Name.ToLowerInvariant();
            foreach (var hint in CredentialHeaderHints)
                if (name.Contains(hint)) return header;
        }
        return null;
    }

    /// <summary>Which header carries the token and where it comes from; never more than 4 characters of a literal.</summary>
    internal static string DescribeToken(HttpHeader header)
    {
        string value = header.Value;
        string scheme = string.Empty;
        int space = value.IndexOf(' ');
        if (space > 0 && value.Substring(0, space).IndexOf('$') < 0)
        {
            scheme = " " + value.Substring(0, space);
            value = value.Substring(space + 1).Trim();
        }
        string source;
        if (value.StartsWith("$", StringComparison.Ordinal))
        {
            int end = 1;
            while (end < value.Length && (char.IsLetterOrDigit(value[end]) || value[end] is '_' or '{' or '}')) end++;
            source = $"from `{value.Substring(0, end)}`";
        }
        else if (value.Length == 0)
        {
            source = "with an empty value";
        }
        else
        {
            source = $"with a literal token (`{value.Substring(0, Math.Min(4, value.Length))}…`) written in the file";
        }
        return $"It authenticates with the `{header.Name}:{scheme}` header {source}.";
    }
}
