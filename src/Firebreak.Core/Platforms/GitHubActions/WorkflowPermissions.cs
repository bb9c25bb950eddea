using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Yaml;

namespace Firebreak.Core.Platforms.GitHubActions;

public enum PermissionsShape
{
    /// <summary><c>permissions: {}</c>: no scope at all.</summary>
    None,
    ReadAll,
    WriteAll,
    /// <summary>A mapping of scope → read | write | none.</summary>
    Scopes,
    /// <summary>Anything else (an expression, a typo); the token's reach cannot be told.</summary>
    Unknown,
}

/// <summary>One <c>permissions:</c> block, at workflow or job level.</summary>
public sealed class WorkflowPermissions
{
    private WorkflowPermissions(YamlPair pair, PermissionsShape shape, IReadOnlyList<PermissionScope> scopes)
    {
        Pair = pair;
        Shape = shape;
        Scopes = scopes;
    }

    public YamlPair Pair { get; }
    public YamlNode Value => Pair.Value;
    public PermissionsShape Shape { get; }
    public IReadOnlyList<PermissionScope> Scopes { get; }

    public IEnumerable<PermissionScope> WriteScopes()
    {
        foreach (var scope in Scopes)
        {
            if (scope.IsWrite) yield return scope;
        }
    }

    public PermissionScope? Find(string scope)
    {
        foreach (var candidate in Scopes)
        {
            if (string.Equals(candidate.Name, scope, StringComparison.Ordinal)) return candidate;
        }
        return null;
    }

    public static WorkflowPermissions? From(YamlMapping owner)
    {
        var pair = owner.FindPair("permissions");
        if (pair is null) return null;
        var value = pair.Value.Resolve();
        switch (value)
        {
            case YamlScalar scalar when scalar.Value == "read-all":
                return new WorkflowPermissions(pair, PermissionsShape.ReadAll, Array.Empty<PermissionScope>());
            case YamlScalar scalar when scalar.Value == "write-all":
                return new WorkflowPermissions(pair, PermissionsShape.WriteAll, Array.Empty<PermissionScope>());
            case YamlMapping mapping:
                var scopes = new List<PermissionScope>();
                foreach (var entry in mapping.Pairs)
                {
                    if (entry.KeyText is { } name && entry.Value.Resolve() is YamlScalar access)
                        scopes.Add(new PermissionScope(name, access.Value, entry));
                }
                return new WorkflowPermissions(pair, scopes.Count == 0 ? PermissionsShape.None : PermissionsShape.Scopes, scopes);
            default:
                return new WorkflowPermissions(pair, PermissionsShape.Unknown, Array.Empty<PermissionScope>());
        }
    }
}

/// <summary>One <c>scope: access</c> entry, e.g. <c>contents: write</c>.</summary>
public sealed class PermissionScope
{
    public PermissionScope(string name, string access, YamlPair pair)
    {
        Name = name;
        Access = access;
        Pair = pair;
    }

    public string Name { get; }
    public string Access { get; }
    public YamlPair Pair { get; }
    public bool IsWrite => string.Equals(Access, "write", StringComparison.Ordinal);
}
