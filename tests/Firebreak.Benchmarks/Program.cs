using BenchmarkDotNet.Running;

namespace Firebreak.Benchmarks;

/// <summary><c>dotnet run -c Release --project tests/Firebreak.Benchmarks -- --filter '*'</c></summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
