using System;
using System.Collections.Generic;
using System.Linq;
using Firebreak.Core.Languages.Hcl;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Platforms.Terraform;

/// <summary>
/// The declarations of one Terraform module: every <c>.tf</c>/<c>.tofu</c>/<c>.tf.json</c> file of one directory, with
/// the <c>terraform.tfvars</c> and <c>*.auto.tfvars</c> beside it. Values come from a <see cref="TerraformModuleEvaluator"/>.
/// </summary>
public sealed class TerraformModule
{
    private readonly Dictionary<(string Type, string Name), TerraformResource> _managed = new();

    internal TerraformModule(string directory, IReadOnlyList<DocumentContext> files, IReadOnlyList<DocumentContext> varFiles)
    {
        Directory = directory;
        Files = files;
        foreach (var document in files)
        {
            var body = document.Hcl.Body;
            foreach (var block in body.AllBlocks)
            {
                switch (block.Type)
                {
                    case "variable" when block.Label(0) is { } name:
                        Variables[name] = new TerraformVariable(name, block, document);
                        break;
                    case "locals":
                        foreach (var attribute in block.Body.Attributes) Locals[attribute.Name] = new TerraformLocal(attribute, document);
                        break;
                    case "resource" or "data" when block.Label(0) is { } type && block.Label(1) is { } rname:
                        var resource = new TerraformResource(block.Type == "data", type, rname, block, document);
                        Resources.Add(resource);
                        if (!resource.IsData) _managed[(type, rname)] = resource;
                        break;
                    case "provider" when block.Label(0) is { } provider:
                        Providers.Add(new TerraformProvider(provider, block, document));
                        break;
                    case "module" when block.Label(0) is { } call:
                        ModuleCalls.Add(new TerraformModuleCall(call, block, document));
                        break;
                    case "output" when block.Label(0) is { } output:
                        if (block.Body.Attribute("value") is { } value) Outputs[output] = new TerraformLocal(value, document);
                        break;
                }
            }
        }

        // terraform.tfvars first, then *.auto.tfvars in name order: later files win, as in Terraform.
        foreach (var document in varFiles.OrderBy(d => IsAutoVars(d.Path) ? 1 : 0).ThenBy(d => d.Path, StringComparer.Ordinal))
            foreach (var attribute in document.Hcl.Body.Attributes)
                VariableFileValues[attribute.Name] = new TerraformLocal(attribute, document);
    }

    /// <summary>Values from <c>--var-file</c> files, in order, over the module's own tfvars (root modules only).</summary>
    internal void ApplyCommandLineVarFiles(IEnumerable<DocumentContext> varFiles)
    {
        foreach (var document in varFiles)
            foreach (var attribute in document.Hcl.Body.Attributes)
                VariableFileValues[attribute.Name] = new TerraformLocal(attribute, document);
    }

    /// <summary>The directory, repository-relative, without a trailing slash ("" for the root).</summary>
    public string Directory { get; }
    public IReadOnlyList<DocumentContext> Files { get; }

    /// <summary>A plan's planned values (<c>terraform show -json</c>) rather than configuration.</summary>
    public bool IsPlan => Files.Count > 0 && Files.All(f => f.Kind == FileKind.TerraformPlanJson);
    public Dictionary<string, TerraformVariable> Variables { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, TerraformLocal> Locals { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, TerraformLocal> VariableFileValues { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, TerraformLocal> Outputs { get; } = new(StringComparer.Ordinal);
    public List<TerraformResource> Resources { get; } = new();
    public List<TerraformProvider> Providers { get; } = new();
    public List<TerraformModuleCall> ModuleCalls { get; } = new();

    /// <summary>The managed resources of one type, in file order (an index built on first use: rules ask per instance).</summary>
    public IReadOnlyList<TerraformResource> ManagedResources(string type)
    {
        var byType = _managedByType;
        if (byType is null)
        {
            byType = new Dictionary<string, List<TerraformResource>>(StringComparer.Ordinal);
            foreach (var resource in Resources)
            {
                if (resource.IsData) continue;
                if (!byType.TryGetValue(resource.Type, out var list)) byType[resource.Type] = list = new List<TerraformResource>();
                list.Add(resource);
            }
            _managedByType = byType;
        }
        return byType.TryGetValue(type, out var found) ? found : (IReadOnlyList<TerraformResource>)Array.Empty<TerraformResource>();
    }

    private Dictionary<string, List<TerraformResource>>? _managedByType;

    public TerraformResource? FindManaged(string type, string name) => _managed.TryGetValue((type, name), out var r) ? r : null;

    internal static bool IsAutoVars(string path) =>
        path.EndsWith(".auto.tfvars", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".auto.tfvars.json", StringComparison.OrdinalIgnoreCase);

    internal static bool IsLoadedVarFile(string path)
    {
        string name = path.Substring(path.LastIndexOf('/') + 1).ToLowerInvariant();
        return name is "terraform.tfvars" or "terraform.tfvars.json" || IsAutoVars(name);
    }

    public override string ToString() => Directory.Length == 0 ? "(root module)" : Directory;
}

public sealed class TerraformVariable
{
    internal TerraformVariable(string name, HclBlock block, DocumentContext document)
    {
        Name = name;
        Block = block;
        Document = document;
        Default = block.Body.Attribute("default")?.Value;
    }

    public string Name { get; }
    public HclBlock Block { get; }
    public DocumentContext Document { get; }
    public HclExpression? Default { get; }
}

/// <summary>A named expression: a local value, an output's value, or a value assigned in a tfvars file.</summary>
public sealed class TerraformLocal
{
    internal TerraformLocal(HclAttribute attribute, DocumentContext document)
    {
        Attribute = attribute;
        Document = document;
    }

    public string Name => Attribute.Name;
    public HclAttribute Attribute { get; }
    public HclExpression Expression => Attribute.Value;
    public DocumentContext Document { get; }
}

/// <summary>A <c>resource</c> or <c>data</c> block.</summary>
public sealed class TerraformResource
{
    internal TerraformResource(bool isData, string type, string name, HclBlock block, DocumentContext document)
    {
        IsData = isData;
        Type = type;
        Name = name;
        Block = block;
        Document = document;
    }

    public bool IsData { get; }
    public string Type { get; }
    public string Name { get; }
    public HclBlock Block { get; }
    public HclBody Body => Block.Body;
    public DocumentContext Document { get; }

    /// <summary><c>aws_db_instance.main</c> (or <c>data.…</c>).</summary>
    public string Address => (IsData ? "data." : "") + Type + "." + Name;

    public bool IsRepeated => Body.Attribute("count") is not null || Body.Attribute("for_each") is not null;

    /// <summary>The <c>lifecycle { prevent_destroy = … }</c> attribute, or null.</summary>
    public HclAttribute? PreventDestroy => Body.Block("lifecycle")?.Body.Attribute("prevent_destroy");

    /// <summary>Where a finding about the whole block goes: its type and name labels.</summary>
    public Firebreak.Core.Text.TextSpan HeaderSpan =>
        Block.Labels.Count >= 2 ? Firebreak.Core.Text.TextSpan.FromBounds(Block.Labels[0].Span.Start, Block.Labels[1].Span.End) : Block.TypeSpan;

    public override string ToString() => Address;
}

public sealed class TerraformProvider
{
    internal TerraformProvider(string name, HclBlock block, DocumentContext document)
    {
        Name = name;
        Block = block;
        Document = document;
        Alias = block.Body.Attribute("alias")?.Value.AsString();
    }

    public string Name { get; }
    public string? Alias { get; }
    public HclBlock Block { get; }
    public DocumentContext Document { get; }

    /// <summary><c>aws</c> or <c>aws.replica</c>, as a resource's <c>provider =</c> names it.</summary>
    public string Reference => Alias is null ? Name : Name + "." + Alias;
}

public sealed class TerraformModuleCall
{
    internal TerraformModuleCall(string name, HclBlock block, DocumentContext document)
    {
        Name = name;
        Block = block;
        Document = document;
        Source = block.Body.Attribute("source")?.Value.AsString();
    }

    public string Name { get; }
    public HclBlock Block { get; }
    public DocumentContext Document { get; }
    public string? Source { get; }

    /// <summary>True for <c>./x</c> and <c>../x</c>: a module in this repository that the scan can follow.</summary>
    public bool IsLocal => Source is not null && (Source.StartsWith("./", StringComparison.Ordinal) || Source.StartsWith("../", StringComparison.Ordinal));
}
