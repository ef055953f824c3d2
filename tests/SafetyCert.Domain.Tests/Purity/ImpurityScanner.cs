using System.Collections.Frozen;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace SafetyCert.Domain.Tests.Purity;

/// <summary>
/// Reads the IL of every method body in an assembly and reports each use of the clock, randomness, I/O,
/// the network, the environment or waiting: the members a pure domain must not touch.
/// </summary>
internal static class ImpurityScanner
{
    // Whole types whose every member is off limits.
    private static readonly FrozenSet<string> ForbiddenTypes = new[]
    {
        "NodaTime.SystemClock",
        "System.Diagnostics.Stopwatch",
        "System.Random",
        "System.Security.Cryptography.RandomNumberGenerator",
        "System.IO.File",
        "System.IO.FileInfo",
        "System.IO.Directory",
        "System.IO.DirectoryInfo",
        "System.IO.DriveInfo",
        "System.IO.FileStream",
        "System.IO.FileSystemWatcher",
        "System.IO.Path",
        "System.Console",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Single members of otherwise harmless types.
    private static readonly FrozenSet<string> ForbiddenMembers = new[]
    {
        "System.DateTime::get_Now",
        "System.DateTime::get_UtcNow",
        "System.DateTime::get_Today",
        "System.DateTimeOffset::get_Now",
        "System.DateTimeOffset::get_UtcNow",
        "System.TimeProvider::get_System",
        "System.Guid::NewGuid",
        "System.Threading.Tasks.Task::Delay",
        "System.Threading.Thread::Sleep",
        "System.Environment::GetEnvironmentVariable",
        "System.Environment::GetEnvironmentVariables",
        "System.Environment::get_TickCount",
        "System.Environment::get_TickCount64",
    }.ToFrozenSet(StringComparer.Ordinal);

    // A reader or writer over a stream is fine (embedded resources); one given a path opens a file.
    private static readonly FrozenSet<string> PathConstructors = new[]
    {
        "System.IO.StreamReader",
        "System.IO.StreamWriter",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<ushort, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToFrozenDictionary(o => unchecked((ushort)o.Value), o => o.OperandType);

    /// <summary>Every forbidden use in the assembly file, as "method uses member".</summary>
    public static IReadOnlyList<Violation> Scan(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var violations = new List<Violation>();
        foreach (var typeHandle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(typeHandle);
            var typeName = NameOf(metadata, typeHandle);
            if (!type.BaseType.IsNil && Forbidden(metadata, type.BaseType, member: null) is { } baseType)
            {
                violations.Add(new Violation(typeName, $"derives from {baseType}"));
            }

            foreach (var methodHandle in type.GetMethods())
            {
                var method = metadata.GetMethodDefinition(methodHandle);
                if (method.RelativeVirtualAddress == 0)
                {
                    continue;
                }

                var methodName = $"{typeName}.{metadata.GetString(method.Name)}";
                var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader();
                List<EntityHandle> tokens;
                try
                {
                    tokens = TokensOf(il);
                }
                catch (InvalidOperationException e)
                {
                    throw new InvalidOperationException($"{methodName}: {e.Message}", e);
                }

                foreach (var token in tokens)
                {
                    if (Describe(metadata, token) is { } use)
                    {
                        violations.Add(new Violation(methodName, use));
                    }
                }
            }
        }

        return violations;
    }

    // Walks the instruction stream and yields the metadata token of every instruction that names a member or type.
    private static List<EntityHandle> TokensOf(BlobReader il)
    {
        var tokens = new List<EntityHandle>();
        while (il.RemainingBytes > 0)
        {
            ushort code = il.ReadByte();
            if (code == 0xFE)
            {
                code = (ushort)(0xFE00 | il.ReadByte());
            }

            if (!Operands.TryGetValue(code, out var operand))
            {
                throw new InvalidOperationException($"Unknown IL opcode 0x{code:X} at offset {il.Offset - 1}.");
            }

            switch (operand)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    tokens.Add(MetadataTokens.EntityHandle(il.ReadInt32()));
                    break;
                case OperandType.InlineSwitch:
                    // Read the count first: `Offset += 4 * ReadInt32()` would read Offset before the count moved it.
                    var targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.InlineSig or OperandType.InlineString or OperandType.ShortInlineR:
                    il.Offset += 4;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
                default:
                    break;
            }
        }

        return tokens;
    }

    private static string? Describe(MetadataReader metadata, EntityHandle token)
    {
        switch (token.Kind)
        {
            case HandleKind.MethodSpecification:
                return Describe(metadata, metadata.GetMethodSpecification((MethodSpecificationHandle)token).Method);
            case HandleKind.MemberReference:
                var reference = metadata.GetMemberReference((MemberReferenceHandle)token);
                var name = metadata.GetString(reference.Name);
                if (Forbidden(metadata, reference.Parent, name) is { } use)
                {
                    return use;
                }

                return name == ".ctor" && OpensAPath(metadata, reference) is { } reader ? $"{reader}::.ctor(string path)" : null;
            case HandleKind.TypeReference or HandleKind.TypeSpecification:
                return Forbidden(metadata, token, member: null);
            default:
                // Members defined in the scanned assembly itself are scanned as methods in their own right.
                return null;
        }
    }

    // The full member name when the member (or, with no member, the type) is forbidden; otherwise null.
    private static string? Forbidden(MetadataReader metadata, EntityHandle parent, string? member)
    {
        var typeName = TypeNameOf(metadata, parent);
        if (typeName is null)
        {
            return null;
        }

        var full = member is null ? typeName : $"{typeName}::{member}";
        var forbidden = ForbiddenTypes.Contains(typeName)
            || typeName.StartsWith("System.Net.", StringComparison.Ordinal)
            || (member is not null && ForbiddenMembers.Contains(full));
        return forbidden ? full : null;
    }

    private static string? OpensAPath(MetadataReader metadata, MemberReference constructor)
    {
        var typeName = TypeNameOf(metadata, constructor.Parent);
        if (typeName is null || !PathConstructors.Contains(typeName))
        {
            return null;
        }

        var signature = metadata.GetBlobReader(constructor.Signature);
        signature.ReadSignatureHeader();
        var parameters = signature.ReadCompressedInteger();
        signature.ReadSignatureTypeCode();
        return parameters > 0 && signature.ReadSignatureTypeCode() == SignatureTypeCode.String ? typeName : null;
    }

    private static string? TypeNameOf(MetadataReader metadata, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeReference => NameOf(metadata, (TypeReferenceHandle)handle),
        HandleKind.TypeDefinition => NameOf(metadata, (TypeDefinitionHandle)handle),
        HandleKind.TypeSpecification => GenericDefinitionOf(metadata, (TypeSpecificationHandle)handle),
        _ => null,
    };

    // A generic instance names its definition right after the GENERICINST and CLASS/VALUETYPE bytes.
    private static string? GenericDefinitionOf(MetadataReader metadata, TypeSpecificationHandle handle)
    {
        var blob = metadata.GetBlobReader(metadata.GetTypeSpecification(handle).Signature);
        if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
        {
            return null;
        }

        blob.ReadSignatureTypeCode();
        return TypeNameOf(metadata, blob.ReadTypeHandle());
    }

    private static string NameOf(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var type = metadata.GetTypeReference(handle);
        var name = metadata.GetString(type.Name);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? $"{NameOf(metadata, (TypeReferenceHandle)type.ResolutionScope)}+{name}"
            : Qualified(metadata.GetString(type.Namespace), name);
    }

    private static string NameOf(MetadataReader metadata, TypeDefinitionHandle handle)
    {
        var type = metadata.GetTypeDefinition(handle);
        var name = metadata.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        return declaring.IsNil ? Qualified(metadata.GetString(type.Namespace), name) : $"{NameOf(metadata, declaring)}+{name}";
    }

    private static string Qualified(string ns, string name) => ns.Length == 0 ? name : $"{ns}.{name}";
}
