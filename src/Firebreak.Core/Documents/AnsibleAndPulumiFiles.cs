using System;

namespace Firebreak.Core.Documents;

/// <summary>
/// Ansible playbooks and role task files, told by content: a playbook is a top-level sequence of plays with
/// <c>hosts:</c> and <c>tasks:</c>/<c>roles:</c>; a role's <c>tasks/*.yml</c> or <c>handlers/*.yml</c> is a top-level
/// sequence of tasks under a <c>roles/&lt;name&gt;/</c> folder, or one whose tasks name <c>ansible.builtin.*</c> modules.
/// A name alone (site.yml) decides nothing.
/// </summary>
public static class AnsibleFiles
{
    public static bool LooksLikeAnsible(string lowerPath, string text)
    {
        if (!StartsWithSequence(text)) return false;
        if (HasPlayKey(text, "hosts:") && (HasPlayKey(text, "tasks:") || HasPlayKey(text, "roles:") || HasPlayKey(text, "pre_tasks:") ||
                                           HasPlayKey(text, "post_tasks:") || HasPlayKey(text, "handlers:")))
            return true;
        // A task list included from elsewhere (tasks/cleanup.yml beside a playbook): the builtin collection's names say so.
        return IsRoleTaskFile(lowerPath) || HasTaskKey(text, "ansible.builtin.") || HasTaskKey(text, "ansible.legacy.");
    }

    /// <summary><c>- ansible.builtin.x:</c> or <c>  ansible.builtin.x:</c> as a task's key (not inside a string).</summary>
    private static bool HasTaskKey(string text, string prefix)
    {
        int index = 0;
        while ((index = text.IndexOf(prefix, index, StringComparison.Ordinal)) >= 0)
        {
            int lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
            bool keyPosition = true;
            for (int i = lineStart; i < index; i++)
                if (text[i] is not (' ' or '-')) { keyPosition = false; break; }
            if (keyPosition) return true;
            index += prefix.Length;
        }
        return false;
    }

    /// <summary><c>roles/&lt;role&gt;/tasks/*.yml</c> or <c>roles/&lt;role&gt;/handlers/*.yml</c>.</summary>
    private static bool IsRoleTaskFile(string lowerPath)
    {
        int roles = lowerPath.LastIndexOf("roles/", StringComparison.Ordinal);
        if (roles < 0 || (roles > 0 && lowerPath[roles - 1] != '/')) return false;
        string rest = lowerPath.Substring(roles + "roles/".Length);
        int slash = rest.IndexOf('/');
        if (slash <= 0) return false;
        rest = rest.Substring(slash + 1);
        return rest.StartsWith("tasks/", StringComparison.Ordinal) || rest.StartsWith("handlers/", StringComparison.Ordinal);
    }

    /// <summary>The first line that is neither blank, a comment nor <c>---</c> opens a block sequence at column 0.</summary>
    private static bool StartsWithSequence(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            int end = text.IndexOf('\n', i);
            if (end < 0) end = text.Length;
            int j = i;
            while (j < end && text[j] is ' ' or '\t' or '\r' or '\uFEFF') j++;
            if (j < end && text[j] != '#' && string.CompareOrdinal(text, j, "---", 0, 3) != 0 && string.CompareOrdinal(text, j, "%", 0, 1) != 0)
                return j == i && text[j] == '-' && (j + 1 >= end || text[j + 1] is ' ' or '\t' or '\r');
            i = end + 1;
        }
        return false;
    }

    /// <summary>A key of a play: <c>- hosts:</c> at column 0, or <c>  hosts:</c> indented by two (the play's mapping).</summary>
    private static bool HasPlayKey(string text, string key)
    {
        int index = 0;
        while ((index = text.IndexOf(key, index, StringComparison.Ordinal)) >= 0)
        {
            int lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
            string prefix = text.Substring(lineStart, index - lineStart);
            if (prefix is "- " or "  ") return true;
            index += key.Length;
        }
        return false;
    }
}

/// <summary>
/// Pulumi YAML programs: <c>Pulumi.yaml</c>/<c>Pulumi.yml</c> with <c>runtime: yaml</c> and <c>resources:</c>, or a
/// <c>Main.yaml</c> beside it (a top-level <c>resources:</c> whose entries have <c>type: provider:module:Type</c>).
/// </summary>
public static class PulumiYamlFiles
{
    public static bool LooksLikePulumiYaml(string lowerName, string text)
    {
        if (lowerName is "pulumi.yaml" or "pulumi.yml")
            return HasTopLevel(text, "resources:") && (HasTopLevel(text, "runtime: yaml") || HasTopLevel(text, "runtime: \"yaml\"") ||
                                                       (HasTopLevel(text, "runtime:") && text.IndexOf("name: yaml", StringComparison.Ordinal) >= 0));
        if (lowerName is "main.yaml" or "main.yml")
            return HasTopLevel(text, "resources:") && HasTypeToken(text) && !HasTopLevel(text, "apiVersion:");
        return false;
    }

    /// <summary>A <c>type: provider:module:Type</c> line (Azure Pipelines' <c>resources:</c> have <c>type: github</c>).</summary>
    private static bool HasTypeToken(string text)
    {
        int index = 0;
        while ((index = text.IndexOf("type: ", index, StringComparison.Ordinal)) >= 0)
        {
            index += "type: ".Length;
            int end = text.IndexOf('\n', index);
            if (end < 0) end = text.Length;
            int colons = 0;
            for (int i = index; i < end && text[i] != ' ' && text[i] != '#'; i++)
                if (text[i] == ':') colons++;
            if (colons == 2) return true;
        }
        return false;
    }

    private static bool HasTopLevel(string text, string key)
    {
        int index = 0;
        while ((index = text.IndexOf(key, index, StringComparison.Ordinal)) >= 0)
        {
            if (index == 0 || text[index - 1] == '\n') return true;
            index += key.Length;
        }
        return false;
    }
}
