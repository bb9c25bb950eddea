using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Firebreak.Core.Documents;
using Firebreak.Core.Analysis;

namespace Firebreak.Core.Tests.Meta;

/// <summary>
/// The layers of Firebreak.Core (DESIGN.md) only point down: a type may use types of its own layer and of the layers
/// below it, never above. Read from the compiled assembly — signatures, base types, fields, locals and every token in
/// every method body — so a use cannot hide in a <c>var</c>, a lambda or a fully qualified name.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>Bottom to top. A namespace belongs to the first layer whose prefix it has.</summary>
    public static readonly string[][] Layers =
    {
        new[] { "Firebreak.Core.Text" },
        new[] { "Firebreak.Core.Documents" },
        new[] { "Firebreak.Core.Languages" },
        new[] { "Firebreak.Core.Platforms" },
        new[] { "Firebreak.Core.Commands", "Firebreak.Core.Credentials", "Firebreak.Core.Backups", "Firebreak.Core.Agents" },
        new[] { "Firebreak.Core.Rules" },
        new[] { "Firebreak.Core.Suppressions", "Firebreak.Core.Configuration", "Firebreak.Core.Analysis" },
    };

    /// <summary>
    /// Edges that still point up, named so that the list can only shrink: a new upward edge fails the test, and so does
    /// an entry here that no longer exists (remove it).
    /// </summary>
    private static readonly string[] KnownUpwardEdges =
    {
    };

    [Fact]
    public void Layers_only_point_down()
    {
        var edges = UpwardEdges(typeof(AnalysisEngine).Assembly.Location);
        var unexpected = edges.Where(e => !KnownUpwardEdges.Contains(e.Summary)).Select(e => e.ToString()).Distinct().OrderBy(e => e, StringComparer.Ordinal).ToArray();
        Assert.True(unexpected.Length == 0, "Types that use a layer above their own:\n" + string.Join("\n", unexpected));
        var stale = KnownUpwardEdges.Where(k => edges.All(e => e.Summary != k)).ToArray();
        Assert.True(stale.Length == 0, "Known upward edges that are gone (remove them from the list):\n" + string.Join("\n", stale));
    }

    [Fact]
    public void The_check_sees_an_upward_use_hidden_in_a_method_body()
    {
        // This test assembly is above every layer; reading it as if it were Text proves a body's tokens are seen.
        var edges = References(typeof(ArchitectureTests).Assembly.Location)
            .Where(r => r.From == typeof(ArchitectureTests).FullName && r.To.StartsWith("Firebreak.Core.Analysis", StringComparison.Ordinal));
        Assert.NotEmpty(edges);
    }

    public static int LayerOf(string ns)
    {
        for (int i = 0; i < Layers.Length; i++)
        {
            if (Layers[i].Any(prefix => ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal))) return i;
        }
        return -1;
    }

    public sealed record Edge(string FromType, string FromNamespace, string ToNamespace, string ToType)
    {
        public string Summary => $"{Top(FromNamespace)} -> {Top(ToNamespace)}: {FromType} uses {ToType}";
        public override string ToString() => Summary;
        private static string Top(string ns) => string.Join(".", ns.Split('.').Take(3));
    }

    public static IReadOnlyList<Edge> UpwardEdges(string assemblyPath)
    {
        var result = new List<Edge>();
        foreach (var (from, fromNs, to) in References(assemblyPath).Select(r => (r.From, Namespace(r.From), r.To)))
        {
            string toNs = Namespace(to);
            int a = LayerOf(fromNs), b = LayerOf(toNs);
            if (a >= 0 && b > a) result.Add(new Edge(from.Split('+')[0], fromNs, toNs, to.Split('+')[0]));
        }
        return result;
    }

    private static string Namespace(string fullName)
    {
        string outer = fullName.Split('+')[0];
        int dot = outer.LastIndexOf('.');
        return dot < 0 ? string.Empty : outer.Substring(0, dot);
    }

    /// <summary>(using type, used type) pairs, full names with '+' for nesting, over the whole assembly.</summary>
    public static IEnumerable<(string From, string To)> References(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var names = new TypeNames(md);
        var pairs = new HashSet<(string, string)>();
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            string from = names.Of(handle);
            void Use(IEnumerable<string> targets)
            {
                foreach (var t in targets) pairs.Add((from, t));
            }
            if (!type.BaseType.IsNil) Use(names.OfToken(type.BaseType));
            foreach (var i in type.GetInterfaceImplementations()) Use(names.OfToken(md.GetInterfaceImplementation(i).Interface));
            foreach (var f in type.GetFields()) Use(names.OfSignature(md.GetFieldDefinition(f).Signature, field: true));
            foreach (var m in type.GetMethods())
            {
                var method = md.GetMethodDefinition(m);
                Use(names.OfSignature(method.Signature, field: false));
                if (method.RelativeVirtualAddress == 0) continue;
                var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!body.LocalSignature.IsNil) Use(names.OfLocals(md.GetStandaloneSignature(body.LocalSignature).Signature));
                foreach (var token in ILTokens(body.GetILBytes() ?? Array.Empty<byte>()))
                    Use(names.OfToken(MetadataTokens.EntityHandle(token)));
            }
        }
        return pairs.Where(p => p.Item1 != p.Item2).ToArray();
    }

    /// <summary>The metadata tokens in an IL stream (ECMA-335 III: operand sizes by opcode).</summary>
    private static IEnumerable<int> ILTokens(byte[] il)
    {
        int i = 0;
        while (i < il.Length)
        {
            int op = il[i++];
            if (op == 0xFE)
            {
                int op2 = il[i++];
                if (op2 is 0x06 or 0x07 or 0x15 or 0x16 or 0x1C) { yield return BitConverter.ToInt32(il.AsSpan(i, 4)); i += 4; }
                else if (op2 is >= 0x09 and <= 0x0E) i += 2;
                else if (op2 is 0x12 or 0x19) i += 1;
                continue;
            }
            switch (op)
            {
                case >= 0x0E and <= 0x13: case 0x1F: case >= 0x2B and <= 0x37: case 0xDE: i += 1; break;
                case 0x20: case 0x22: case >= 0x38 and <= 0x44: case 0xDD: case 0x72: case 0x29: i += 4; break;
                case 0x21: case 0x23: i += 8; break;
                case 0x45: int n = BitConverter.ToInt32(il.AsSpan(i, 4)); i += 4 + 4 * n; break;
                case 0x27: case 0x28: case 0x6F: case 0x73:
                case 0x70: case 0x71: case 0x74: case 0x75: case 0x79: case 0x81: case 0x8C: case 0x8D: case 0x8F:
                case 0xA3: case 0xA4: case 0xA5: case 0xC2: case 0xC6:
                case >= 0x7B and <= 0x80: case 0xD0:
                    yield return BitConverter.ToInt32(il.AsSpan(i, 4)); i += 4; break;
            }
        }
    }

    private sealed class TypeNames : ISignatureTypeProvider<string[], object?>
    {
        private readonly MetadataReader _md;
        public TypeNames(MetadataReader md) => _md = md;

        public string Of(TypeDefinitionHandle handle)
        {
            var type = _md.GetTypeDefinition(handle);
            var declaring = type.GetDeclaringType();
            if (!declaring.IsNil) return Of(declaring) + "+" + _md.GetString(type.Name);
            string ns = _md.GetString(type.Namespace);
            return ns.Length == 0 ? _md.GetString(type.Name) : ns + "." + _md.GetString(type.Name);
        }

        private string Of(TypeReferenceHandle handle)
        {
            var type = _md.GetTypeReference(handle);
            if (type.ResolutionScope.Kind == HandleKind.TypeReference) return Of((TypeReferenceHandle)type.ResolutionScope) + "+" + _md.GetString(type.Name);
            string ns = _md.GetString(type.Namespace);
            return ns.Length == 0 ? _md.GetString(type.Name) : ns + "." + _md.GetString(type.Name);
        }

        public IEnumerable<string> OfToken(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition: return new[] { Of((TypeDefinitionHandle)handle) };
                case HandleKind.TypeReference: return new[] { Of((TypeReferenceHandle)handle) };
                case HandleKind.TypeSpecification: return _md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                case HandleKind.MethodDefinition:
                    var method = _md.GetMethodDefinition((MethodDefinitionHandle)handle);
                    return new[] { Of(method.GetDeclaringType()) }.Concat(OfSignature(method.Signature, field: false));
                case HandleKind.FieldDefinition:
                    return new[] { Of(_md.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType()) };
                case HandleKind.MemberReference:
                    var member = _md.GetMemberReference((MemberReferenceHandle)handle);
                    var parent = member.Parent.Kind is HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification or HandleKind.MethodDefinition
                        ? OfToken(member.Parent) : Array.Empty<string>();
                    return parent.Concat(member.GetKind() == MemberReferenceKind.Field
                        ? member.DecodeFieldSignature(this, null)
                        : member.DecodeMethodSignature(this, null).ParameterTypes.SelectMany(p => p).Concat(member.DecodeMethodSignature(this, null).ReturnType));
                case HandleKind.MethodSpecification:
                    var spec = _md.GetMethodSpecification((MethodSpecificationHandle)handle);
                    return OfToken(spec.Method).Concat(spec.DecodeSignature(this, null).SelectMany(t => t));
                default: return Array.Empty<string>();
            }
        }

        public IEnumerable<string> OfSignature(BlobHandle signature, bool field)
        {
            var reader = _md.GetBlobReader(signature);
            var decoder = new SignatureDecoder<string[], object?>(this, _md, null);
            if (field) return decoder.DecodeFieldSignature(ref reader);
            var method = decoder.DecodeMethodSignature(ref reader);
            return method.ParameterTypes.SelectMany(p => p).Concat(method.ReturnType);
        }

        public IEnumerable<string> OfLocals(BlobHandle signature)
        {
            var reader = _md.GetBlobReader(signature);
            return new SignatureDecoder<string[], object?>(this, _md, null).DecodeLocalSignature(ref reader).SelectMany(l => l);
        }

        public string[] GetArrayType(string[] elementType, ArrayShape shape) => elementType;
        public string[] GetByReferenceType(string[] elementType) => elementType;
        public string[] GetFunctionPointerType(MethodSignature<string[]> signature) => signature.ParameterTypes.SelectMany(p => p).Concat(signature.ReturnType).ToArray();
        public string[] GetGenericInstantiation(string[] genericType, ImmutableArray<string[]> typeArguments) => genericType.Concat(typeArguments.SelectMany(t => t)).ToArray();
        public string[] GetGenericMethodParameter(object? genericContext, int index) => Array.Empty<string>();
        public string[] GetGenericTypeParameter(object? genericContext, int index) => Array.Empty<string>();
        public string[] GetModifiedType(string[] modifier, string[] unmodifiedType, bool isRequired) => unmodifiedType;
        public string[] GetPinnedType(string[] elementType) => elementType;
        public string[] GetPointerType(string[] elementType) => elementType;
        public string[] GetPrimitiveType(PrimitiveTypeCode typeCode) => Array.Empty<string>();
        public string[] GetSZArrayType(string[] elementType) => elementType;
        public string[] GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => new[] { Of(handle) };
        public string[] GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => new[] { Of(handle) };
        public string[] GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    }
}
