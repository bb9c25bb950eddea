using System;
using System.IO;

namespace Firebreak.Core.Tests.Infrastructure;

/// <summary>Finds the repository root (the folder of Analyzers.sln) from the test binaries.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string PathOf(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts));

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Analyzers.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Analyzers.sln not found above " + AppContext.BaseDirectory);
    }

    private static T[] Concat<T>(this T[] first, T[] second)
    {
        var all = new T[first.Length + second.Length];
        first.CopyTo(all, 0);
        second.CopyTo(all, first.Length);
        return all;
    }
}
