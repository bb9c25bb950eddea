using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Firebreak.Core.Catalogs;
using YamlDotNet.RepresentationModel;

namespace Firebreak.Core.Backups;

/// <summary>
/// rules/catalogs/backups.yaml: what a database, a backup and a copy off the host look like, as data. The lists become
/// the matchers the backup rules use (every name escaped: the file holds names, not patterns).
/// </summary>
public sealed class BackupCatalog
{
    private const string ResourceName = "catalogs/backups.yaml";
    private static readonly Lazy<BackupCatalog> s_default = new(() => Parse(EmbeddedCatalog.Text(ResourceName)));

    private BackupCatalog(YamlMappingNode root, string sourceName)
    {
        var databases = Section(root, "databases", sourceName);
        var tools = Section(root, "backup_tools", sourceName);
        var offHost = Section(root, "off_host", sourceName);
        DatabaseImage = AnyOf(Names(databases, "images", sourceName), ignoreCase: true);
        BackupImage = AnyOf(Names(tools, "images", sourceName), ignoreCase: true);
        var programs = Names(tools, "programs", sourceName);
        BackupCommand = new Regex(@"(^|[\s/;&|""'])(" + string.Join("|", programs.Select(Regex.Escape)) + @")([\s""';]|$)", RegexOptions.CultureInvariant);
        _dumpPrograms = new HashSet<string>(Names(tools, "dump_programs", sourceName), StringComparer.Ordinal);
        foreach (var dump in DumpPrograms)
            if (!programs.Contains(dump)) throw new FormatException($"{sourceName}: dump program '{dump}' is not one of backup_tools.programs");
        var commands = Names(offHost, "commands", sourceName).Select(c =>
            string.Join(@"\s+", c.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries).Select(w => "(?:" + string.Join("|", w.Split('|').Select(Regex.Escape)) + ")")));
        OffHost = new Regex(
            @"\b(" + string.Join("|", Names(offHost, "url_schemes", sourceName).Select(Regex.Escape)) + ")://" +
            @"|\b(" + string.Join("|", Names(offHost, "variables", sourceName).Select(Regex.Escape)) + @")\b" +
            string.Concat(commands.Select(c => @"|\b" + c + @"\b")),
            RegexOptions.CultureInvariant);
        Examples = new[] { ("databases", databases), ("backup_tools", tools), ("off_host", offHost) }
            .Select(s => (s.Item1, CatalogYaml.Strings(s.Item2, "must_match"), CatalogYaml.Strings(s.Item2, "must_not_match"))).ToArray();
    }

    public static BackupCatalog Default => s_default.Value;

    /// <summary>An image name that runs a database (any case, anywhere in the name).</summary>
    public Regex DatabaseImage { get; }

    /// <summary>An image name of a backup tool.</summary>
    public Regex BackupImage { get; }

    /// <summary>A command line that runs a backup program (as a word of its own).</summary>
    public Regex BackupCommand { get; }

    /// <summary>Programs that write a dump file.</summary>
    public IReadOnlyCollection<string> DumpPrograms => _dumpPrograms;

    private readonly HashSet<string> _dumpPrograms;

    /// <summary>Whether the program writes a dump file (<c>pg_dump</c>, <c>mysqldump</c>…).</summary>
    public bool IsDumpProgram(string name) => _dumpPrograms.Contains(name);

    /// <summary>Text that sends a copy off the host: a remote URL, a remote-destination variable, a copy command.</summary>
    public Regex OffHost { get; }

    /// <summary>Each section's self-tests: (section, must_match, must_not_match).</summary>
    public IReadOnlyList<(string Section, IReadOnlyList<string> MustMatch, IReadOnlyList<string> MustNotMatch)> Examples { get; }

    /// <summary>Whether <paramref name="text"/> is what <paramref name="section"/> describes.</summary>
    public bool Matches(string section, string text) => section switch
    {
        "databases" => DatabaseImage.IsMatch(text),
        "backup_tools" => BackupCommand.IsMatch(text) || BackupImage.IsMatch(ColocatedBackups.ImageName(text)) && !text.Contains(' '),
        "off_host" => OffHost.IsMatch(text),
        _ => throw new ArgumentException(section),
    };

    public static BackupCatalog Parse(string yaml, string sourceName = "backups.yaml") =>
        CatalogYaml.Read(yaml, sourceName, document => document is YamlMappingNode root
            ? new BackupCatalog(root, sourceName)
            : throw new FormatException($"{sourceName}: expected the sections databases:, backup_tools: and off_host:"));

    private static Regex AnyOf(IReadOnlyList<string> names, bool ignoreCase) =>
        new(string.Join("|", names.Select(Regex.Escape)), RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None));

    private static YamlMappingNode Section(YamlMappingNode root, string key, string sourceName) =>
        root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlMappingNode section
            ? section
            : throw new FormatException($"{sourceName}: expected a '{key}:' section");

    private static IReadOnlyList<string> Names(YamlMappingNode section, string key, string sourceName) =>
        CatalogYaml.Strings(section, key) is { Count: > 0 } names ? names : throw new FormatException($"{sourceName}: '{key}' needs at least one name");
}
