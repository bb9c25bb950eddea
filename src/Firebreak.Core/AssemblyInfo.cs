using System.Reflection;

// What IsTrimmable writes for net6+ targets (it is not available for netstandard2.0): the native CLI's trim and AOT
// analysis then reports this assembly's warnings one by one instead of one summary warning, so they fail its build.
[assembly: AssemblyMetadata("IsTrimmable", "True")]
