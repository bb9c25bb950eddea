using System.Collections.Generic;
using Firebreak.Core.Commands;
using Firebreak.Core.Credentials;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Rules.Credentials;

/// <summary>
/// FB2006: a live credential in any text file of the repository — <c>.env*</c>, scripts, docs, agent instructions. The
/// token catalogue's <see cref="SecretScanner"/> finds it (by format, or by the name or header around a prefix-less value)
/// and keeps placeholders quiet; the message shows at most the first 4 characters.
/// </summary>
public sealed class CommittedCredentialRule : Rule
{
    private static readonly RuleDescriptor Descriptor = RuleCatalog.CommittedCredential;

    private readonly SecretScanner _scanner;

    public CommittedCredentialRule(SecretScanner? scanner = null) => _scanner = scanner ?? SecretScanner.Default;

    public override IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[] { Descriptor };

    public override bool AppliesTo(FileKind kind) => kind != FileKind.Unknown;

    /// <summary>
    /// A private key is not a token with a scope: it is the identity itself, it does not expire, and every copy ever
    /// pulled keeps working until the key is replaced everywhere it is trusted. Committing one is an error.
    /// </summary>
    private static bool IsPrivateKey(Firebreak.Core.Credentials.TokenKind kind) =>
        kind.Id is "private-key-pem" or "google-service-account-key";

    public override void Analyze(DocumentContext document, FindingSink sink)
    {
        // The scan's own catalogue is shared with the compound rule through the document's model cache.
        var matches = ReferenceEquals(_scanner, document.Catalogs.Secrets) ? BlanketCredentials.Committed(document) : _scanner.Scan(document.Text);
        foreach (var match in matches)
        {
            var kind = match.Kind;
            string reach = kind.IsBlanket
                ? $" It reaches {BlanketTokenNames.ScopeText(kind)}."
                : string.Empty;
            string how = match.ContextName is { } name && match.Evidence != SecretEvidence.Format ? $" (identified by `{name}`)" : string.Empty;
            sink.Report(Descriptor, document, match.Span,
                $"A {kind.DisplayName} ({match.Redacted}){how} is committed here, readable by anyone and any agent with the repository.{reach} Revoke it, remove it from the file and its history, and hand the job a secret from a secret store instead. {kind.ScopedAlternative}",
                kind.IsBlanket || IsPrivateKey(kind) ? FindingLevel.Error : FindingLevel.Warning,
                "secret:" + kind.Id + ":" + match.Redacted);
        }
    }
}
