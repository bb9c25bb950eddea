// netstandard2.0 lacks the marker type that `init` accessors need; the compiler only looks for its name.
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit
{
}
