using System;
using System.Collections.Generic;
using Firebreak.Core.Languages.Yaml;
using Firebreak.Core.Text;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Platforms.Compose;

/// <summary>The typed view of a compose file: services with their image, command and volume mounts. Built once per file.</summary>
public sealed class ComposeFile
{
    private ComposeFile(IReadOnlyList<ComposeService> services) => Services = services;

    public IReadOnlyList<ComposeService> Services { get; }

    private static readonly ModelKey<Holder> FileKey = new("compose-file", static doc => new Holder(Build(doc)));

    public static ComposeFile? Of(DocumentContext document) =>
        document.Get(FileKey).File;

    private static ComposeFile? Build(DocumentContext document)
    {
        if (document.Yaml.RootMapping?.Mapping("services") is not { } services) return null;
        var list = new List<ComposeService>();
        foreach (var pair in services.Pairs)
            if (pair.KeyText is { } name && pair.Value.Resolve() is YamlMapping body) list.Add(new ComposeService(name, pair, body));
        return new ComposeFile(list);
    }

    private sealed class Holder
    {
        public Holder(ComposeFile? file) => File = file;
        public ComposeFile? File { get; }
    }
}

public sealed class ComposeService
{
    internal ComposeService(string name, YamlPair pair, YamlMapping body)
    {
        Name = name;
        Pair = pair;
        Body = body;
        Image = body.ScalarValue("image");
        Volumes = ComposeVolumeMount.From(body.Sequence("volumes"));
    }

    public string Name { get; }
    public YamlPair Pair { get; }
    public YamlMapping Body { get; }
    public string? Image { get; }
    public IReadOnlyList<ComposeVolumeMount> Volumes { get; }

    /// <summary>The <c>command:</c>/<c>entrypoint:</c> and <c>environment:</c> values as plain text, for keyword tests.</summary>
    public IEnumerable<string> Texts()
    {
        foreach (var key in new[] { "command", "entrypoint", "environment" })
        {
            switch (Body[key])
            {
                case YamlScalar scalar:
                    yield return scalar.Value;
                    break;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                        if (item.Resolve() is YamlScalar value) yield return value.Value;
                    break;
                case YamlMapping mapping:
                    foreach (var pair in mapping.Pairs)
                        yield return pair.KeyText + "=" + (pair.Value.Resolve() as YamlScalar)?.Value;
                    break;
            }
        }
    }
}

/// <summary>One <c>volumes:</c> entry: <c>source:target[:mode]</c>, or the long form with <c>source</c>/<c>target</c>.</summary>
public sealed class ComposeVolumeMount
{
    private ComposeVolumeMount(string source, string target, TextSpan span)
    {
        Source = source;
        Target = target;
        Span = span;
    }

    /// <summary>A named volume (<c>pgdata</c>) or a host path (<c>./data</c>, <c>/srv/pg</c>).</summary>
    public string Source { get; }
    public string Target { get; }

    /// <summary>The entry itself, where findings point.</summary>
    public TextSpan Span { get; }

    public bool IsHostPath => Source.StartsWith(".", StringComparison.Ordinal) || Source.StartsWith("/", StringComparison.Ordinal) || Source.StartsWith("~", StringComparison.Ordinal) || Source.StartsWith("$", StringComparison.Ordinal);

    internal static IReadOnlyList<ComposeVolumeMount> From(YamlSequence? volumes)
    {
        var mounts = new List<ComposeVolumeMount>();
        if (volumes == null) return mounts;
        foreach (var item in volumes.Items)
        {
            switch (item.Resolve())
            {
                case YamlScalar scalar:
                    var parts = scalar.Value.Split(':');
                    if (parts.Length >= 2 && parts[0].Length > 0) mounts.Add(new ComposeVolumeMount(parts[0], parts[1], scalar.Span));
                    break;
                case YamlMapping mapping when mapping.ScalarValue("source") is { Length: > 0 } source && mapping.ScalarValue("target") is { } target:
                    mounts.Add(new ComposeVolumeMount(source, target, mapping.Scalar("source")!.Span));
                    break;
            }
        }
        return mounts;
    }
}
