using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Firebreak.Core.Documents;
using Firebreak.Core.Credentials;

namespace Firebreak.Core.Tests.Credentials;

public class SecretScannerTests
{
    private static readonly SecretScanner Scanner = SecretScanner.Default;
    private static readonly SecretScanner SelfTestScanner = new(TokenCatalog.Default, quietOnCatalogExamples: false);

    public static IEnumerable<object[]> MustMatchExamples() =>
        TokenCatalog.Default.Kinds.SelectMany(k => k.MustMatch.Select((_, i) => new object[] { k.Id, i }));

    public static IEnumerable<object[]> MustNotMatchExamples() =>
        TokenCatalog.Default.Kinds.SelectMany(k => k.MustNotMatch.Select((_, i) => new object[] { k.Id, i }));

    [Theory]
    [MemberData(nameof(MustMatchExamples))]
    public void Catalogue_must_match_example_is_found_as_its_kind(string id, int index)
    {
        string text = TokenCatalog.Default.Find(id)!.MustMatch[index];
        var matches = SelfTestScanner.Scan(text);
        Assert.True(matches.Any(m => m.Kind.Id == id),
            $"{id} example #{index} found [{string.Join(", ", matches.Select(m => m.Kind.Id))}]");
    }

    [Theory]
    [MemberData(nameof(MustNotMatchExamples))]
    public void Catalogue_must_not_match_example_stays_quiet(string id, int index)
    {
        string text = TokenCatalog.Default.Find(id)!.MustNotMatch[index];
        var matches = SelfTestScanner.Scan(text);
        Assert.DoesNotContain(matches, m => m.Kind.Id == id);
    }

    [Theory]
    [MemberData(nameof(MustMatchExamples))]
    public void Spans_are_exact_and_redaction_shows_at_most_four_characters(string id, int index)
    {
        string text = TokenCatalog.Default.Find(id)!.MustMatch[index];
        foreach (var match in SelfTestScanner.Scan(text))
        {
            string value = text.Substring(match.Span.Start, match.Span.Length);
            // The span is the value alone: the kind's format matches all of it (the service-account entry reports
            // the private_key string inside its JSON match).
            bool whole = match.Kind.Id == "google-service-account-key"
                ? value.StartsWith("-----BEGIN PRIVATE KEY-----", StringComparison.Ordinal)
                : match.Kind.ExactRegex.IsMatch(value);
            Assert.True(whole, $"span {match.Span} of {match.Kind.Id} does not cover exactly the value");
            Assert.EndsWith("\u2026", match.Redacted);
            string shown = match.Redacted.Substring(0, match.Redacted.Length - 1);
            Assert.True(shown.Length <= 4, match.Redacted);
            Assert.StartsWith(shown, value, StringComparison.Ordinal);
            Assert.DoesNotContain(value.Substring(Math.Min(4, value.Length)), match.ToString());
        }
    }

    [Fact]
    public void The_default_scanner_stays_quiet_on_the_catalogues_own_examples()
    {
        string text = TokenCatalog.Default.Find("railway-project-token")!.MustMatch[0];
        Assert.Empty(Scanner.Scan(text));
        Assert.NotEmpty(SelfTestScanner.Scan(text));
    }

    [Fact]
    public void The_same_uuid_is_a_railway_token_only_next_to_its_name()
    {
        string uuid = "3f6c2a9e-7b14-4d8a-9c53-e1f0b2d4a687";

        string named = "RAILWAY_TOKEN=" + uuid + "\n";
        var match = Assert.Single(Scanner.Scan(named));
        Assert.Equal("railway-project-token", match.Kind.Id);
        Assert.Equal(TokenScope.Environment, match.Scope);
        Assert.Equal(uuid, named.Substring(match.Span.Start, match.Span.Length));
        Assert.Equal("RAILWAY_TOKEN", match.ContextName);
        Assert.Equal(SecretEvidence.VariableName, match.Evidence);
        Assert.Equal("3f6c\u2026", match.Redacted);

        Assert.Empty(Scanner.Scan("REQUEST_ID=" + uuid + "\n"));
        Assert.Empty(Scanner.Scan(uuid));
        Assert.Empty(Scanner.Scan("Authorization: Bearer " + uuid));

        var account = Assert.Single(Scanner.Scan("RAILWAY_API_TOKEN=" + uuid));
        Assert.Equal("railway-account-token", account.Kind.Id);
        Assert.True(account.IsBlanket);
    }

    [Theory]
    [InlineData("RAILWAY_TOKEN=xxx")]
    [InlineData("RAILWAY_TOKEN=XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX")]
    [InlineData("RAILWAY_TOKEN=<token>")]
    [InlineData("RAILWAY_TOKEN=your-token-here")]
    [InlineData("RAILWAY_TOKEN: ${{ secrets.RAILWAY_TOKEN }}")]
    [InlineData("RAILWAY_TOKEN=$RAILWAY_TOKEN")]
    [InlineData("RAILWAY_TOKEN=${RAILWAY_TOKEN}")]
    [InlineData("RAILWAY_TOKEN=changeme")]
    [InlineData("RAILWAY_TOKEN=example")]
    [InlineData("RAILWAY_TOKEN=dummy")]
    [InlineData("RAILWAY_TOKEN=****")]
    [InlineData("RAILWAY_TOKEN=aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa")]
    [InlineData("RAILWAY_TOKEN=11111111-1111-1111-1111-111111111111")]
    [InlineData("HEROKU_API_KEY=00000000-0000-0000-0000-000000000000")]
    [InlineData("GH_TOKEN=ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")]
    [InlineData("GH_TOKEN=ghp_************************************")]
    [InlineData("GH_TOKEN=ghp_<your-token>")]
    [InlineData("GH_TOKEN=ghp_...")]
    [InlineData("aws_access_key_id = AKIAIOSFODNN7EXAMPLE")]
    [InlineData("CLOUDFLARE_API_TOKEN=abababababababababababababababababababab")]
    [InlineData("token: ${{ secrets.GITHUB_TOKEN }}")]
    [InlineData("export STRIPE_SECRET_KEY=\"sk_live_your_key_here_0000000000\"")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----")]
    public void Placeholders_stay_quiet(string text)
    {
        var matches = Scanner.Scan(text);
        Assert.True(matches.Count == 0, $"found {string.Join(", ", matches)}");
    }

    [Fact]
    public void Low_entropy_generic_values_stay_quiet()
    {
        Assert.Empty(Scanner.Scan("CLOUDFLARE_API_TOKEN=abcabcabcabcabcabcabcabcabcabcabcabcabca"));
        Assert.Single(Scanner.Scan("CLOUDFLARE_API_TOKEN=" + Fake.Alnum(40)));
    }

    [Fact]
    public void Finds_tokens_in_every_kind_of_text_file()
    {
        string ghp = "ghp_" + Fake.Alnum(36);
        string uuid = "9b2e4f71-0c3d-4a8e-b615-27d9f0e3c4a2";
        string anthropic = "sk-ant-admin01-" + Fake.Url(93) + "AA";
        var files = new (string Name, string Text, string Expected, string Value)[]
        {
            (".env", "# deploy\nexport RAILWAY_TOKEN='" + uuid + "'\n", "railway-project-token", uuid),
            (".env quoted", "RAILWAY_API_TOKEN=\"" + uuid + "\"\n", "railway-account-token", uuid),
            ("compose.yaml", "services:\n  web:\n    environment:\n      RAILWAY_TOKEN: " + uuid + "\n", "railway-project-token", uuid),
            ("k8s.yaml", "env:\n  - name: HEROKU_API_KEY\n    value: \"" + uuid + "\"\n", "heroku-api-key", uuid),
            ("appsettings.json", "{\n  \"Heroku\": { \"HEROKU_API_KEY\": \"" + uuid + "\" }\n}", "heroku-api-key", uuid),
            ("escaped json", "{\"env\": \"{\\\"RAILWAY_TOKEN\\\": \\\"" + uuid + "\\\"}\"}", "railway-project-token", uuid),
            ("config.toml", "[deploy]\nrailway_token = \"" + uuid + "\"\n", "railway-project-token", uuid),
            ("deploy.sh", "curl -X POST https://backboard.railway.app/graphql/v2 \\\n  -H \"Project-Access-Token: " + uuid + "\" \\\n  -d @query.json\n", "railway-project-token", uuid),
            ("incident.sh", "curl https://backboard.railway.com/graphql/v2 -H \"Authorization: Bearer " + uuid + "\" -d '{\"query\":\"mutation { volumeDelete(volumeId: \\\"vol\\\") }\"}'", "railway-account-token", uuid),
            ("Dockerfile", "FROM node:22\nENV RAILWAY_TOKEN " + uuid + "\n", "railway-project-token", uuid),
            ("AGENTS.md", "# Agent notes\n\nTo deploy, use `GH_TOKEN=" + ghp + "` with the gh CLI.\n", "github-classic-pat", ghp),
            ("CLAUDE.md", "The admin key is " + anthropic + ", do not share.\n", "anthropic-admin-key", anthropic),
            ("workflow.yml", "env:\n  STAGING_RAILWAY_TOKEN: " + uuid + "\n", "railway-project-token", uuid),
        };

        foreach (var (name, text, expected, value) in files)
        {
            var match = Assert.Single(Scanner.Scan(text));
            Assert.True(expected == match.Kind.Id, $"{name}: expected {expected}, found {match.Kind.Id}");
            Assert.True(value == text.Substring(match.Span.Start, match.Span.Length), $"{name}: span {match.Span} is not the value");
        }
    }

    [Fact]
    public void Google_service_account_json_is_one_finding_on_its_private_key()
    {
        string key = Fake.Expand("{pem:PRIVATE KEY|json}");
        string json = "{\n  \"type\": \"service_account\",\n  \"project_id\": \"demo\",\n  \"private_key\": \"" + key + "\",\n  \"client_email\": \"ci@demo.iam.gserviceaccount.com\"\n}";
        var match = Assert.Single(Scanner.Scan(json));
        Assert.Equal("google-service-account-key", match.Kind.Id);
        Assert.Equal(key, json.Substring(match.Span.Start, match.Span.Length));
    }

    [Fact]
    public void Pem_private_key_span_is_the_whole_block()
    {
        string pem = Fake.Pem("OPENSSH PRIVATE KEY");
        string text = "key: |\n" + pem + "\n";
        var match = Assert.Single(Scanner.Scan(text));
        Assert.Equal("private-key-pem", match.Kind.Id);
        Assert.Equal(pem, text.Substring(match.Span.Start, match.Span.Length));
    }

    [Fact]
    public void Supabase_service_role_jwt_is_found_without_a_name_but_anon_is_not()
    {
        Assert.Equal("supabase-service-role-key", Assert.Single(Scanner.Scan("createClient(url, '" + Fake.Jwt("service_role") + "')")).Kind.Id);
        Assert.Empty(Scanner.Scan("createClient(url, '" + Fake.Jwt("anon") + "')"));
    }

    [Fact]
    public void Several_tokens_in_one_file_come_back_in_text_order()
    {
        string text = "A=ghp_" + Fake.Alnum(36) + "\nB=AKIA" + Fake.Upper(16) + "\nC=sk_live_" + Fake.Alnum(30) + "\n";
        Assert.Equal(new[] { "github-classic-pat", "aws-access-key-id", "stripe-secret-key" }, Scanner.Scan(text).Select(m => m.Kind.Id));
    }

    [Fact]
    public void A_variable_name_and_the_format_agree_on_one_finding()
    {
        var match = Assert.Single(Scanner.Scan("GITHUB_TOKEN=ghp_" + Fake.Alnum(36)));
        Assert.Equal("github-classic-pat", match.Kind.Id);
        Assert.Equal("GITHUB_TOKEN", match.ContextName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no keywords here at all, just prose about tokens and keys.")]
    [InlineData("ghp_")]
    [InlineData("RAILWAY_TOKEN")]
    [InlineData("RAILWAY_TOKEN=")]
    [InlineData("Project-Access-Token:")]
    [InlineData("-----BEGIN PRIVATE KEY-----")]
    public void Texts_without_a_secret_find_nothing(string text) => Assert.Empty(Scanner.Scan(text));

    [Fact]
    public void Redact_never_shows_more_than_four_characters()
    {
        Assert.Equal("ghp_\u2026", SecretScanner.Redact("ghp_" + Fake.Alnum(36)));
        Assert.Equal("ab\u2026", SecretScanner.Redact("abcdefghij"));
        Assert.Equal("\u2026", SecretScanner.Redact("abc"));
        Assert.Equal("\u2026", SecretScanner.Redact(""));
    }

    [Fact]
    public void Never_throws_on_random_input()
    {
        var random = new Random(20260427);
        string[] pieces =
        {
            "ghp_", "RAILWAY_TOKEN", "=", ":", "\"", "'", "\\", "\n", " ", "Bearer ", "Authorization: ", "Project-Access-Token",
            "-----BEGIN PRIVATE KEY-----", "-----END PRIVATE KEY-----", "eyJ", ".", "service_account", "\"private_key\": \"",
            "AKIA", "sk-ant-api03-", "fm2_", "${{", "- name: ", "value: ", "backboard.railway.app", "\\n", "_", "-",
        };
        const string alphabet = "abcdefABCDEF0123456789_-+/=.:\"' \n\t\\{}$<>";
        for (int round = 0; round < 3000; round++)
        {
            var sb = new StringBuilder();
            int parts = random.Next(0, 40);
            for (int p = 0; p < parts; p++)
            {
                switch (random.Next(4))
                {
                    case 0: sb.Append(pieces[random.Next(pieces.Length)]); break;
                    case 1: sb.Append(Fake.Uuid); break;
                    case 2: for (int c = random.Next(1, 80); c > 0; c--) sb.Append(alphabet[random.Next(alphabet.Length)]); break;
                    default: for (int c = random.Next(1, 20); c > 0; c--) sb.Append((char)random.Next(0, 0xFFFF)); break;
                }
            }
            string text = sb.ToString();
            foreach (var match in Scanner.Scan(text))
            {
                Assert.InRange(match.Span.End, 0, text.Length);
                Assert.True(match.Redacted.Length <= 5);
            }
        }
        Assert.Empty(Scanner.Scan((string)null!));
    }
}

public class SecretScannerConcurrencyTests
{
    [Fact]
    public void A_fresh_catalogue_scans_correctly_from_many_threads_at_once()
    {
        // Regexes compile lazily on first use; racing first uses must still agree.
        var scanner = new SecretScanner(TokenCatalog.Default.WithEntries("tokens: []"));
        string text = "RAILWAY_TOKEN=" + Fake.Uuid + "\nGH_TOKEN=ghp_" + Fake.Alnum(36) + "\nkey: " + Fake.Pem("EC PRIVATE KEY") + "\n";
        var results = new string[64];
        System.Threading.Tasks.Parallel.For(0, results.Length, i =>
            results[i] = string.Join(",", scanner.Scan(text).Select(m => m.Kind.Id + m.Span)));
        Assert.Equal("railway-project-token", scanner.Scan(text)[0].Kind.Id);
        Assert.Equal(3, scanner.Scan(text).Count);
        Assert.All(results, r => Assert.Equal(results[0], r));
    }
}
