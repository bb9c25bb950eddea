using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace Firebreak.Cli.CSharp;

/// <summary>One <c>&lt;Compile&gt;</c> item of a project, in the order the project lists it.</summary>
/// <param name="Remove">A <c>Remove</c> (true) or an <c>Include</c> (false).</param>
/// <param name="Globs">The item's literal globs, anchored at the scan root.</param>
/// <param name="Excludes">An <c>Include</c>'s <c>Exclude</c> globs.</param>
internal sealed record CompileItem(bool Remove, IReadOnlyList<ProjectGlob> Globs, IReadOnlyList<ProjectGlob> Excludes);

/// <summary>
/// What <c>firebreak scan</c> takes from a <c>.csproj</c>: literal values only. Nothing is evaluated — no property
/// function, no import (<c>Directory.Build.props</c>, the SDK's own), no condition, no target — so a value that only
/// evaluation could give is simply unknown, and the SDK's default stands.
/// </summary>
internal sealed record CSharpProjectFile
{
    /// <summary>Scan-relative path of the project file.</summary>
    public required string Path { get; init; }

    /// <summary>Scan-relative folder of the project file; empty for the root.</summary>
    public required string Folder { get; init; }

    /// <summary>Why the file could not be read as a project (not XML, not a <c>&lt;Project&gt;</c>); null when it was.</summary>
    public string? Problem { get; init; }

    /// <summary>Where in the file the problem is (1-based line and column), when the XML reader says.</summary>
    public (int Line, int Column) ProblemAt { get; init; }

    /// <summary>An SDK-style project: every <c>.cs</c> under its folder compiles unless <c>EnableDefaultCompileItems</c> is false.</summary>
    public bool EnableDefaultCompileItems { get; init; } = true;

    public IReadOnlyList<CompileItem> CompileItems { get; init; } = Array.Empty<CompileItem>();

    /// <summary>Scan-relative paths of the projects it references (literal, inside the scan), in the order listed.</summary>
    public IReadOnlyList<string> ProjectReferences { get; init; } = Array.Empty<string>();

    public string? LangVersion { get; init; }

    public string? Nullable { get; init; }

    public bool? AllowUnsafeBlocks { get; init; }

    public bool ImplicitUsings { get; init; }

    /// <summary>Namespaces of its literal <c>&lt;Using Include&gt;</c> items.</summary>
    public IReadOnlyList<string> Usings { get; init; } = Array.Empty<string>();

    /// <summary><c>TargetFramework</c>, or the frameworks of <c>TargetFrameworks</c>, in order.</summary>
    public IReadOnlyList<string> TargetFrameworks { get; init; } = Array.Empty<string>();

    /// <summary>The literal symbols of <c>DefineConstants</c> (a <c>$(DefineConstants)</c> part is left out).</summary>
    public IReadOnlyList<string> DefineConstants { get; init; } = Array.Empty<string>();

    /// <summary>A literal <c>BaseIntermediateOutputPath</c> relative to the project folder; null: <c>obj/</c>.</summary>
    public string? BaseIntermediateOutputPath { get; init; }

    public string? AssemblyName { get; init; }
}

/// <summary>
/// Reads a <c>.csproj</c> as data through a hardened XML reader (no DTD, no resolver, a size cap): the scan never runs
/// MSBuild, because evaluating a project runs what the repository configures (property functions, imports, targets).
/// </summary>
internal static class CSharpProjectReader
{
    /// <summary>Far larger than any real project file.</summary>
    public const int MaxCharacters = 4 * 1024 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 1024, // 0 would mean no limit; with DTDs prohibited only &lt; and its kin expand
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    /// <param name="path">Scan-relative path of the project file.</param>
    /// <param name="text">Its text.</param>
    public static CSharpProjectFile Read(string path, string text)
    {
        string folder = FolderOf(path);
        XElement root;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings);
            root = XDocument.Load(reader, LoadOptions.None).Root ?? throw new XmlException("no root element");
        }
        catch (XmlException ex)
        {
            // The reader's advice to enable DTD processing is for its programmer, not for the person reading the note.
            string reason = Program.OneLine(ex.Message);
            int advice = reason.IndexOf(" To enable DTD processing", StringComparison.Ordinal);
            if (advice >= 0) reason = reason.Substring(0, advice);
            return new CSharpProjectFile { Path = path, Folder = folder, Problem = "not a well-formed project file: " + reason.TrimEnd().TrimEnd('.'), ProblemAt = (ex.LineNumber, ex.LinePosition) };
        }
        if (root.Name.LocalName != "Project")
            return new CSharpProjectFile { Path = path, Folder = folder, Problem = $"its root element is <{root.Name.LocalName}>, not <Project>", ProblemAt = (1, 1) };

        // The SDK's defaults (every .cs under the folder) exist only in SDK-style projects; an old-style one lists its files.
        bool sdkStyle = root.Attribute("Sdk") is not null || root.Elements().Any(e => e.Name.LocalName == "Sdk" || (e.Name.LocalName == "Import" && e.Attribute("Sdk") is not null));
        var properties = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var compile = new List<CompileItem>();
        var references = new List<string>();
        var usings = new List<string>();
        foreach (var group in root.Elements())
        {
            // A condition is evaluation: what sits under one cannot be known, so it is not taken.
            if (group.Attribute("Condition") is not null) continue;
            if (group.Name.LocalName == "PropertyGroup")
            {
                foreach (var property in group.Elements())
                {
                    if (property.Attribute("Condition") is not null || property.HasElements) continue;
                    string value = property.Value.Trim();
                    // MSBuild's last definition wins; one that needs evaluation makes the value unknown.
                    properties[property.Name.LocalName] = IsLiteral(value) ? value : null;
                }
            }
            else if (group.Name.LocalName == "ItemGroup")
            {
                foreach (var item in group.Elements())
                {
                    if (item.Attribute("Condition") is not null) continue;
                    switch (item.Name.LocalName)
                    {
                        case "Compile":
                            if (ReadCompile(folder, item) is { } compileItem) compile.Add(compileItem);
                            break;
                        case "ProjectReference":
                            if (item.Attribute("Include")?.Value is { } include)
                                foreach (string part in Split(include))
                                    if (RootRelative(folder, part) is { } reference && reference.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)) references.Add(reference);
                            break;
                        case "Using":
                            if (item.Attribute("Alias") is null && item.Attribute("Static") is null && item.Attribute("Include")?.Value is { } ns && IsNamespace(ns.Trim()))
                                usings.Add(ns.Trim());
                            break;
                    }
                }
            }
        }

        string? frameworks = Property(properties, "TargetFrameworks") ?? Property(properties, "TargetFramework");
        return new CSharpProjectFile
        {
            Path = path,
            Folder = folder,
            EnableDefaultCompileItems = sdkStyle && Bool(properties, "EnableDefaultCompileItems") != false,
            CompileItems = compile,
            ProjectReferences = references,
            LangVersion = Property(properties, "LangVersion"),
            Nullable = Property(properties, "Nullable"),
            AllowUnsafeBlocks = Bool(properties, "AllowUnsafeBlocks"),
            ImplicitUsings = sdkStyle && Property(properties, "ImplicitUsings") is { } implicitUsings
                && (implicitUsings.Equals("enable", StringComparison.OrdinalIgnoreCase) || implicitUsings.Equals("true", StringComparison.OrdinalIgnoreCase)),
            Usings = usings,
            TargetFrameworks = frameworks is null ? Array.Empty<string>() : Split(frameworks).ToArray(),
            DefineConstants = DefineConstantsOf(root),
            BaseIntermediateOutputPath = Property(properties, "BaseIntermediateOutputPath"),
            AssemblyName = Property(properties, "AssemblyName"),
        };
    }

    /// <summary>The scan-relative folder of a scan-relative path; empty for the root.</summary>
    public static string FolderOf(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path.Substring(0, slash);
    }

    /// <summary>A literal relative path written in <paramref name="folder"/>, made scan-relative; null when it leaves the scan.</summary>
    public static string? RootRelative(string folder, string relative)
    {
        string trimmed = relative.Trim().Replace('\\', '/');
        if (trimmed.Length == 0 || !IsLiteral(trimmed) || trimmed.StartsWith('/') || (trimmed.Length > 1 && trimmed[1] == ':')) return null;
        var segments = new List<string>();
        if (folder.Length > 0) segments.AddRange(folder.Split('/'));
        foreach (string segment in trimmed.Split('/'))
        {
            if (segment.Length == 0 || segment == ".") continue;
            if (segment == "..")
            {
                if (segments.Count == 0) return null;
                segments.RemoveAt(segments.Count - 1);
                continue;
            }
            if (segment.IndexOf('*') >= 0 || segment.IndexOf('?') >= 0) return null;
            segments.Add(segment);
        }
        return segments.Count == 0 ? null : string.Join("/", segments);
    }

    private static CompileItem? ReadCompile(string folder, XElement item)
    {
        bool remove = item.Attribute("Remove") is not null;
        string? value = remove ? item.Attribute("Remove")!.Value : item.Attribute("Include")?.Value;
        // `Update` changes metadata only; an item that names a property or another item needs evaluation.
        if (value is null || !IsLiteral(value)) return null;
        var globs = Split(value).Select(g => ProjectGlob.Create(folder, g)).ToArray();
        if (globs.Length == 0 || globs.Any(g => g is null)) return null;
        var excludes = Array.Empty<ProjectGlob>();
        if (!remove && item.Attribute("Exclude")?.Value is { } exclude)
        {
            if (!IsLiteral(exclude)) return null;
            var parsed = Split(exclude).Select(g => ProjectGlob.Create(folder, g)).ToArray();
            if (parsed.Any(g => g is null)) return null;
            excludes = parsed!;
        }
        return new CompileItem(remove, globs!, excludes);
    }

    /// <summary>
    /// The literal symbols of the last unconditioned <c>DefineConstants</c>: <c>$(DefineConstants);TRACE_OPS</c> gives
    /// <c>TRACE_OPS</c> (the SDK's own symbols are not known without evaluation).
    /// </summary>
    private static IReadOnlyList<string> DefineConstantsOf(XElement project)
    {
        string? last = null;
        foreach (var propertyGroup in project.Elements().Where(e => e.Name.LocalName == "PropertyGroup" && e.Attribute("Condition") is null))
            foreach (var property in propertyGroup.Elements().Where(e => e.Name.LocalName == "DefineConstants" && e.Attribute("Condition") is null && !e.HasElements))
                last = property.Value;
        if (last is null) return Array.Empty<string>();
        return Split(last).Where(s => IsLiteral(s) && s.All(c => char.IsLetterOrDigit(c) || c == '_')).Distinct(StringComparer.Ordinal).ToArray();
    }

    private static IEnumerable<string> Split(string value) =>
        value.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0);

    private static string? Property(Dictionary<string, string?> properties, string name) =>
        properties.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    private static bool? Bool(Dictionary<string, string?> properties, string name) =>
        Property(properties, name) is { } value
            ? value.Equals("true", StringComparison.OrdinalIgnoreCase) ? true : value.Equals("false", StringComparison.OrdinalIgnoreCase) ? false : null
            : null;

    /// <summary>No property, item or metadata reference, no escape: a value that needs no evaluation.</summary>
    private static bool IsLiteral(string value) =>
        value.IndexOf("$(", StringComparison.Ordinal) < 0 && value.IndexOf("@(", StringComparison.Ordinal) < 0 && value.IndexOf('%') < 0;

    private static bool IsNamespace(string value) =>
        value.Length > 0 && value.Split('.').All(part => part.Length > 0 && (char.IsLetter(part[0]) || part[0] == '_') && part.All(c => char.IsLetterOrDigit(c) || c == '_'));
}
