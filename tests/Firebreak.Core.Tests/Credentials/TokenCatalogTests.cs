using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Credentials;

namespace Firebreak.Core.Tests.Credentials;

public class TokenCatalogTests
{
    private static readonly TokenCatalog Catalog = TokenCatalog.Default;

    [Fact]
    public void Default_catalogue_loads_from_the_embedded_yaml()
    {
        Assert.True(Catalog.Kinds.Count >= 40, $"only {Catalog.Kinds.Count} kinds");
        Assert.Same(Catalog, TokenCatalog.Default);
    }

    [Theory]
    [InlineData("github-classic-pat", TokenScope.AccountWide, true)]
    [InlineData("github-fine-grained-pat", TokenScope.Repository, false)]
    [InlineData("github-app-installation-token", TokenScope.Repository, false)]
    [InlineData("railway-account-token", TokenScope.AccountWide, true)]
    [InlineData("railway-workspace-token", TokenScope.Workspace, true)]
    [InlineData("railway-project-token", TokenScope.Environment, false)]
    [InlineData("cloudflare-global-api-key-legacy", TokenScope.AccountWide, true)]
    [InlineData("cloudflare-user-api-token", TokenScope.Unknown, false)]
    [InlineData("stripe-secret-key", TokenScope.AccountWide, true)]
    [InlineData("anthropic-admin-key", TokenScope.AccountWide, true)]
    [InlineData("anthropic-api-key", TokenScope.Workspace, false)]
    [InlineData("openai-admin-key", TokenScope.AccountWide, true)]
    [InlineData("openai-project-key", TokenScope.Project, false)]
    [InlineData("supabase-access-token", TokenScope.AccountWide, true)]
    [InlineData("supabase-service-role-key", TokenScope.Project, false)]
    [InlineData("fly-auth-token", TokenScope.AccountWide, true)]
    [InlineData("heroku-api-key", TokenScope.AccountWide, true)]
    [InlineData("neon-api-key", TokenScope.AccountWide, true)]
    public void Scopes_tell_blanket_tokens_from_scoped_ones(string id, TokenScope scope, bool blanket)
    {
        var kind = Catalog.Find(id);
        Assert.NotNull(kind);
        Assert.Equal(scope, kind!.Scope);
        Assert.Equal(blanket, kind.IsBlanket);
        Assert.False(string.IsNullOrWhiteSpace(kind.ScopedAlternative));
    }

    [Fact]
    public void Aws_long_lived_and_temporary_keys_are_told_apart()
    {
        Assert.Equal(TokenLifetime.LongLived, Catalog.Find("aws-access-key-id")!.Lifetime);
        Assert.Equal(TokenLifetime.Temporary, Catalog.Find("aws-temporary-access-key-id")!.Lifetime);
    }

    [Theory]
    [InlineData("ghp_", "gho_", "ghs_", "ghu_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "xoxa-", "AKIA", "ASIA", "sk_live_", "rk_live_")]
    [InlineData("cfk_", "cfut_", "cfat_", "dop_v1_", "doo_v1_", "dor_v1_", "sbp_", "napi_", "rnd_", "fo1_", "fm2_", "vcp_", "sk-ant-api03-")]
    [InlineData("sk-ant-admin01-", "sk-proj-", "sk-admin-", "npm_", "pypi-AgEIcHlwaS5vcmc", "PRIVATE KEY-----", "service_account")]
    public void Required_prefixes_are_covered(params string[] prefixes)
    {
        foreach (string prefix in prefixes)
            Assert.Contains(Catalog.Kinds, k => k.Keywords.Contains(prefix));
    }

    [Fact]
    public void Every_kind_carries_examples_both_ways()
    {
        foreach (var kind in Catalog.Kinds)
        {
            Assert.True(kind.MustMatch.Count > 0, $"{kind.Id} has no must-match example");
            Assert.True(kind.MustNotMatch.Count > 0, $"{kind.Id} has no must-not-match example");
        }
    }

    [Fact]
    public void The_catalogue_file_itself_holds_no_token_shaped_string()
    {
        // Fake bodies are templates ({alnum:36}); the raw file must not trip any scanner, ours included.
        using var stream = typeof(TokenCatalog).Assembly.GetManifestResourceStream("catalogs/tokens.yaml");
        Assert.NotNull(stream);
        string raw = new StreamReader(stream!).ReadToEnd();
        var matches = new SecretScanner(Catalog, quietOnCatalogExamples: false).Scan(raw);
        Assert.Empty(matches.Select(m => $"{m.Kind.Id} at {m.Span}"));
    }

    [Fact]
    public void Lookup_by_variable_name()
    {
        Assert.Equal("railway-account-token", Catalog.FindByVariable("RAILWAY_API_TOKEN").Single().Id);
        Assert.Equal("railway-project-token", Catalog.FindByVariable("RAILWAY_TOKEN").Single().Id);
        Assert.Equal("railway-project-token", Catalog.FindByVariable("staging_railway_token").Single().Id);
        Assert.Equal("heroku-api-key", Catalog.FindByVariable("HEROKU_API_KEY").Single().Id);
        Assert.Empty(Catalog.FindByVariable("REQUEST_ID"));
        Assert.Empty(Catalog.FindByVariable("MYRAILWAY_TOKEN"));
    }

    [Fact]
    public void Lookup_by_header_name_and_value()
    {
        Assert.Equal("railway-project-token", Catalog.FindByHeader("Project-Access-Token").Single().Id);
        Assert.Equal("railway-workspace-token", Catalog.FindByHeader("team-access-token").Single().Id);
        Assert.Contains(Catalog.FindByHeader("X-Auth-Key"), k => k.Id == "cloudflare-global-api-key-legacy");

        string ghp = "ghp_" + Fake.Alnum(36);
        Assert.Equal("github-classic-pat", Catalog.FindByHeader("Authorization", "Bearer " + ghp).First().Id);
        Assert.Equal("github-classic-pat", Catalog.FindByHeader("Authorization", "token " + ghp).First().Id);
        Assert.Empty(Catalog.FindByHeader("Authorization", "Basic " + ghp));
        Assert.Equal("fly-macaroon-token", Catalog.FindByHeader("Authorization", "FlyV1 fm2_" + Fake.B64(120)).Single().Id);
    }

    [Fact]
    public void Lookup_by_value_never_names_a_bare_uuid()
    {
        Assert.Equal("github-fine-grained-pat", Catalog.FindByValue("github_pat_" + Fake.Alnum(22) + "_" + Fake.Alnum(59)).Single().Id);
        Assert.Equal("aws-temporary-access-key-id", Catalog.FindByValue("ASIA" + Fake.Upper(16)).Single().Id);
        Assert.Empty(Catalog.FindByValue(Fake.Uuid));
    }

    [Fact]
    public void Identify_uses_format_then_variable_then_header()
    {
        Assert.Equal("railway-account-token", Catalog.Identify(Fake.Uuid, variableName: "RAILWAY_API_TOKEN")!.Id);
        Assert.Equal("railway-project-token", Catalog.Identify(Fake.Uuid, headerName: "Project-Access-Token")!.Id);
        Assert.Equal("github-classic-pat", Catalog.Identify("ghp_" + Fake.Alnum(36), variableName: "RAILWAY_TOKEN")!.Id);
        Assert.Null(Catalog.Identify(Fake.Uuid, variableName: "REQUEST_ID"));
    }

    [Fact]
    public void User_entries_extend_and_replace_the_builtin_kinds()
    {
        const string extra = """
            tokens:
              - id: acme-deploy-key
                platform: Acme
                name: Acme deploy key
                scope: project
                keywords: [acme_]
                format: 'acme_[a-z0-9]{20}'
                alternative: Use an Acme environment key.
              - id: railway-project-token
                platform: Railway
                name: Railway project token (team override)
                scope: environment
                context: true
                format: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
                variables: [RAILWAY_TOKEN, RW_TOKEN]
                alternative: Keep it per environment.
            """;
        var extended = Catalog.WithEntries(extra);
        Assert.Equal(Catalog.Kinds.Count + 1, extended.Kinds.Count);
        Assert.Equal("Railway project token (team override)", extended.Find("railway-project-token")!.DisplayName);

        var matches = new SecretScanner(extended).Scan("ACME=acme_" + Fake.Lower(20) + "\nRW_TOKEN=" + Fake.Uuid);
        Assert.Equal(new[] { "acme-deploy-key", "railway-project-token" }, matches.Select(m => m.Kind.Id));
    }

    [Theory]
    [InlineData("tokens:\n  - id: x\n    platform: p\n    name: n\n    scope: galaxy-wide\n    keywords: [x_]\n    format: 'x_[a-z]{9}'\n    alternative: a\n", "unknown scope")]
    [InlineData("tokens:\n  - id: x\n    platform: p\n    name: n\n    scope: project\n    format: 'x_[a-z]{9}'\n    alternative: a\n", "keywords")]
    [InlineData("tokens:\n  - id: x\n    platform: p\n    name: n\n    scope: project\n    keywords: [x_]\n    format: 'x_[a-z'\n    alternative: a\n", "regex")]
    [InlineData("tokens:\n  - id: x\n    platform: p\n    name: n\n    scope: project\n    keywords: [x_]\n    format: 'x_[a-z]{9}'\n    variables: [X_TOKEN]\n    carrier_variables: [Y_TOKEN]\n    alternative: a\n", "carrier variable 'Y_TOKEN'")]
    public void Bad_entries_are_rejected_with_a_reason(string yaml, string reason)
    {
        var e = Assert.Throws<FormatException>(() => TokenCatalog.Parse(yaml));
        Assert.Contains(reason, e.Message);
    }
}
