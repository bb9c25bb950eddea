using System.Collections.Generic;

namespace Firebreak.Core.Commands;

/// <summary>
/// The plain assignments of a script (<c>API="https://…"</c>, <c>QUERY="mutation { … }"</c>), in source order, so that a
/// request built from them (<c>curl "$API" -d "{\"query\":\"$QUERY\"}"</c>) can be read as the shell would expand it.
/// Flow-insensitive beyond order: a later command sees the last assignment written before it.
/// </summary>
internal sealed class ShellVariables
{
    private readonly Dictionary<string, List<(int Order, CommandWord? Value)>> _assignments = new(System.StringComparer.Ordinal);

    /// <param name="value">The assigned word; null when the variable no longer has a value we can read (an array, <c>+=</c>).</param>
    public void Assign(string name, int order, CommandWord? value)
    {
        if (!_assignments.TryGetValue(name, out var list)) _assignments[name] = list = new List<(int, CommandWord?)>();
        list.Add((order, value));
    }

    private readonly Dictionary<string, List<ShellCommand>> _calls = new(System.StringComparer.Ordinal);

    /// <summary>Remembers a command by its name, so that a function's body can be read with each call's arguments.</summary>
    public void Called(ShellCommand command)
    {
        if (command.Name is not { } name) return;
        if (!_calls.TryGetValue(name, out var list)) _calls[name] = list = new List<ShellCommand>();
        list.Add(command);
    }

    /// <summary>The commands that call <paramref name="function"/> (by name), in source order.</summary>
    public IReadOnlyList<ShellCommand> CallsOf(string function) =>
        _calls.TryGetValue(function, out var list) ? list : (IReadOnlyList<ShellCommand>)System.Array.Empty<ShellCommand>();

    /// <summary>The word last assigned to <paramref name="name"/> before <paramref name="order"/>, or null.</summary>
    public CommandWord? Before(string name, int order)
    {
        if (!_assignments.TryGetValue(name, out var list)) return null;
        CommandWord? found = null;
        foreach (var (at, value) in list)
        {
            if (at >= order) break;
            found = value;
        }
        return found;
    }
}
