using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Backups;

namespace Firebreak.Core.Tests.Backups;

/// <summary>rules/catalogs/backups.yaml: each section's examples, and the names are taken as names, not patterns.</summary>
public sealed class BackupCatalogTests
{
    public static IEnumerable<object[]> Sections() => BackupCatalog.Default.Examples.Select(e => new object[] { e.Section });

    [Theory]
    [MemberData(nameof(Sections))]
    public void Each_section_matches_its_must_match_examples_and_not_its_must_not_match_ones(string section)
    {
        var (_, mustMatch, mustNotMatch) = BackupCatalog.Default.Examples.Single(e => e.Section == section);
        Assert.NotEmpty(mustMatch);
        Assert.NotEmpty(mustNotMatch);
        foreach (var example in mustMatch) Assert.True(BackupCatalog.Default.Matches(section, example), $"{section}: `{example}` does not match");
        foreach (var example in mustNotMatch) Assert.False(BackupCatalog.Default.Matches(section, example), $"{section}: `{example}` matches");
    }

    [Fact]
    public void Names_are_escaped_so_a_dot_or_a_plus_is_itself()
    {
        var catalog = BackupCatalog.Parse("""
            databases:
              images: [my.db]
            backup_tools:
              programs: [db+dump]
              dump_programs: [db+dump]
              images: [backup]
            off_host:
              url_schemes: [s3]
              variables: [BUCKET]
              commands: ['s5cmd cp|sync']
            """);
        Assert.Matches(catalog.DatabaseImage, "acme/my.db:1");
        Assert.DoesNotMatch(catalog.DatabaseImage, "acme/myxdb:1");
        Assert.Matches(catalog.BackupCommand, "db+dump --all");
        Assert.Matches(catalog.OffHost, "s5cmd  sync /backup");
        Assert.DoesNotMatch(catalog.OffHost, "s5cmd ls");
    }

    [Fact]
    public void A_dump_program_must_be_a_backup_program()
    {
        var error = Assert.Throws<FormatException>(() => BackupCatalog.Parse("databases:\n  images: [x]\nbackup_tools:\n  programs: [a]\n  dump_programs: [b]\n  images: [c]\noff_host:\n  url_schemes: [s3]\n  variables: [V]\n  commands: [x]\n"));
        Assert.Contains("dump program 'b'", error.Message, StringComparison.Ordinal);
    }
}
