using System;
using System.Text.RegularExpressions;

namespace Firebreak.Core.Text;

/// <summary>
/// Regular expressions a repository writes (a Terraform <c>replace("/…/")</c> pattern, a user catalogue's pattern) run
/// on the runtime's non-backtracking engine: time linear in the input whatever the pattern, so no result depends on a
/// wall-clock timeout. The package targets netstandard2.0, where the option has no name; every runtime we ship on
/// (.NET 7 and later) knows it.
/// </summary>
public static class LinearRegex
{
    private const RegexOptions NonBacktracking = (RegexOptions)0x0400;

    /// <summary>A linear-time regex, or null when the pattern needs backtracking (back-references, look-arounds, atomic
    /// groups — which RE2, Terraform's engine, rejects too) or the runtime lacks the engine.</summary>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression.</exception>
    /// <summary>Whether this runtime has the non-backtracking engine (every .NET 7+ runtime; not .NET Framework).</summary>
    public static bool IsAvailable { get; } = Probe();

    private static bool Probe()
    {
        try
        {
            _ = new Regex("a", NonBacktracking);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    public static Regex? TryCreate(string pattern, RegexOptions options = RegexOptions.None)
    {
        try
        {
            return new Regex(pattern, options | NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (NotSupportedException)
        {
            return null;
        }
        catch (ArgumentOutOfRangeException)
        {
            // A runtime without the engine (the analyzer inside an old .NET Framework host): no regex, no guess.
            return null;
        }
    }
}
