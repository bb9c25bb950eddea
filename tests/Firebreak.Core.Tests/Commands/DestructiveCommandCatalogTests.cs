using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Documents;
using Firebreak.Core.Commands;

namespace Firebreak.Core.Tests.Commands;

/// <summary>Rules as data carry their own self-tests: every entry's examples are run here.</summary>
public class DestructiveCommandCatalogTests
{
    private static readonly DestructiveCommandCatalog Catalog = DestructiveCommandCatalog.Default;

    public static IEnumerable<object[]> Ids() => Catalog.Signatures.Select(s => new object[] { s.Id });

    private static DestructiveCommandSignature Signature(string id) => Catalog.Signatures.Single(s => s.Id == id);

    [Fact]
    public void The_built_in_catalogue_read_entry_by_entry_is_the_catalogue_read_whole()
    {
        // Default reads an entry when a command first names its program; Parse reads the whole text. Same signatures,
        // same order, for every program, and every pattern valid (Parse builds them eagerly).
        string text = System.IO.File.ReadAllText(Infrastructure.Repository.PathOf("rules", "catalogs", "commands.yaml"));
        var whole = DestructiveCommandCatalog.Parse(text);
        var lazy = DestructiveCommandCatalog.Default;
        foreach (var program in whole.Signatures.SelectMany(s => s.Programs).Distinct())
            Assert.Equal(whole.ForProgram(program).Select(s => s.Id), lazy.ForProgram(program).Select(s => s.Id));
        Assert.Empty(lazy.ForProgram("ls"));
        Assert.Equal(whole.Signatures.Select(s => s.Id), lazy.Signatures.Select(s => s.Id));
        Assert.Equal(whole.Signatures.Select(s => s.ArgumentPattern?.ToString()), lazy.Signatures.Select(s => s.ArgumentPattern?.ToString()));
    }

    [Fact]
    public void Catalogue_covers_at_least_150_signatures() => Assert.True(Catalog.Signatures.Count >= 150, $"{Catalog.Signatures.Count} signatures");

    [Theory]
    [MemberData(nameof(Ids))]
    public void Must_match_examples_match_the_entry(string id)
    {
        var signature = Signature(id);
        foreach (var example in signature.MustMatch)
        {
            var commands = ShellCommands.FromText(example);
            Assert.True(commands.Any(c => DestructiveCommandMatcher.TryMatch(c, signature) != null), $"{id}: `{example}` does not match");
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Must_not_match_examples_do_not_match_the_entry(string id)
    {
        var signature = Signature(id);
        foreach (var example in signature.MustNotMatch)
        {
            var commands = ShellCommands.FromText(example);
            Assert.False(commands.Any(c => DestructiveCommandMatcher.TryMatch(c, signature) != null), $"{id}: `{example}` matches");
        }
    }

    [Fact]
    public void Every_entry_has_a_negative_example() =>
        Assert.Empty(Catalog.Signatures.Where(s => s.MustNotMatch.Count == 0).Select(s => s.Id));

    [Fact]
    public void Extra_catalogues_add_entries_and_bad_ones_fail_loudly()
    {
        const string extra = """
            commands:
              - id: acme-wipe
                program: acme
                path: [db, wipe]
                destroys: the Acme database
                must_match: ['acme db wipe']
            """;
        var catalog = DestructiveCommandCatalog.WithExtra(new[] { ("firebreak-extra.yaml", extra) });
        var command = ShellCommands.FromText("acme db wipe --now").Single();
        Assert.Equal("acme-wipe", DestructiveCommandMatcher.Match(command, catalog)?.Signature.Id);
        Assert.Null(DestructiveCommandMatcher.Match(command, DestructiveCommandCatalog.Default));
        var error = Assert.Throws<System.FormatException>(() => DestructiveCommandCatalog.Parse("commands:\n  - id: x\n    program: y\n    destroys: z\n    must_match: [y]\n    colour: red\n", "mine.yaml"));
        Assert.Contains("unknown key 'colour'", error.Message);
    }

    [Theory]
    [InlineData("aws rds delete-db-instance --db-instance-identifier db", true)]
    [InlineData("aws rds delete-db-instance --db-instance-identifier db --no-delete-automated-backups", false)]
    [InlineData("aws rds delete-db-instance --db-instance-identifier db --no-delete-automated-backups --delete-automated-backups", true)]
    public void Defaults_that_matter_decide_whether_backups_die(string text, bool backupsDie)
    {
        var match = DestructiveCommandMatcher.Match(ShellCommands.FromText(text).Single(), DestructiveCommandCatalog.Default);
        Assert.Equal(backupsDie, match!.BackupsDie);
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/*", true)]
    [InlineData("~", true)]
    [InlineData("/var/lib/postgresql/data", true)]
    [InlineData("/etc/", true)]
    [InlineData("/etc/nginx/conf.d", false)]
    [InlineData("/tmp/x", false)]
    [InlineData("/var/lib/apt/lists/*", false)]
    [InlineData("build", false)]
    public void Dangerous_static_paths(string path, bool dangerous) =>
        Assert.Equal(dangerous, DestructiveCommandMatcher.IsDangerousStaticPath(path));
}
