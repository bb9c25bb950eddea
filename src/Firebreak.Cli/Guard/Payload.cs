using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Firebreak.Cli.Guard;

/// <summary>
/// Reads fields of a hook payload the way the agent wrote them, and nothing more lenient: a field of the wrong type is
/// not coerced, a string that is not valid Unicode (a lone surrogate escape) or holds a NUL where a path is expected is
/// not read at all. Each failure is a <see cref="PayloadException"/> whose message says which field, on one line.
/// </summary>
internal static class Payload
{
    /// <summary>The string at <paramref name="name"/>, null when the field is absent; any other type is an error.</summary>
    public static string? OptionalString(JsonElement obj, string name, string where)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw new PayloadException($"{where}`{name}` is {Describe(value)}, not a string");
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new PayloadException($"{where}`{name}` is not valid Unicode (a lone surrogate escape)");
        }
    }

    public static string RequiredString(JsonElement obj, string name, string where) =>
        OptionalString(obj, name, where) ?? throw new PayloadException($"{where}has no string `{name}`");

    /// <summary>A path an agent will open: a NUL or an empty path is not one.</summary>
    public static string RequiredPath(JsonElement obj, string name, string where)
    {
        string path = RequiredString(obj, name, where);
        if (path.Length == 0) throw new PayloadException($"{where}`{name}` is empty");
        if (path.IndexOf('\0') >= 0) throw new PayloadException($"{where}`{name}` holds a NUL character");
        return path;
    }

    /// <summary>The first of <paramref name="names"/> present (agents spell some fields two ways).</summary>
    public static string? FirstString(JsonElement obj, string where, params string[] names)
    {
        foreach (var name in names)
            if (OptionalString(obj, name, where) is { } value) return value;
        return null;
    }

    public static bool OptionalBool(JsonElement obj, string name, string where)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return false;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new PayloadException($"{where}`{name}` is {Describe(value)}, not a boolean"),
        };
    }

    /// <summary>The object at <paramref name="name"/>; absent or another type is an error.</summary>
    public static JsonElement RequiredObject(JsonElement obj, string name, string where)
    {
        if (!obj.TryGetProperty(name, out var value)) throw new PayloadException($"{where}has no `{name}`");
        if (value.ValueKind != JsonValueKind.Object) throw new PayloadException($"{where}`{name}` is {Describe(value)}, not an object");
        return value;
    }

    /// <summary>The event the agent names, checked against the one this guard is installed for.</summary>
    public static void RequireEvent(JsonElement root, string expected, bool required)
    {
        string? hook = OptionalString(root, "hook_event_name", string.Empty);
        if (hook is null)
        {
            if (required) throw new PayloadException($"the payload has no `hook_event_name` (expected {expected})");
            return;
        }
        if (hook != expected) throw new PayloadException($"'{Clip(hook)}' is not an event this guard judges (expected {expected})");
    }

    public static IReadOnlyList<StringReplacement> Replacements(JsonElement edits, string where)
    {
        if (edits.ValueKind != JsonValueKind.Array) throw new PayloadException($"{where}`edits` is {Describe(edits)}, not an array");
        var list = new List<StringReplacement>();
        int i = 0;
        foreach (var edit in edits.EnumerateArray())
        {
            string at = $"{where}edit {i++}: ";
            if (edit.ValueKind != JsonValueKind.Object) throw new PayloadException($"{at}is {Describe(edit)}, not an object");
            list.Add(new StringReplacement(RequiredString(edit, "old_string", at), RequiredString(edit, "new_string", at), OptionalBool(edit, "replace_all", at)));
        }
        return list;
    }

    /// <summary>JSON text of an element, for arguments handed on to the engine (never shown to anyone).</summary>
    public static string Raw(JsonElement element) => element.GetRawText();

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "missing",
    };

    /// <summary>Payload text quoted in a reason: short, one line.</summary>
    public static string Clip(string text)
    {
        string line = text.Replace("\r", "\\r").Replace("\n", "\\n");
        return line.Length <= 60 ? line : line.Substring(0, 60) + "…";
    }
}

internal sealed class PayloadException : Exception
{
    public PayloadException(string message) : base(message)
    {
    }
}
