using System.IO.Compression;

namespace SafetyCert.Host.Cli;

/// <summary>
/// Zips a folder so that the same files give the same bytes: entries in ordinal order of their '/'-separated paths,
/// one fixed timestamp, and Unix permissions in each entry's external attributes, because Linux hosts extract the
/// package with them and the custom handler cannot start without its executable bit.
/// </summary>
internal static class PackageArchive
{
    /// <summary>Inside the zip format's range (1980 onwards) and the same for every build.</summary>
    public static readonly DateTimeOffset Timestamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const int RegularFile = 0x8000;
    private const int Executable = 0b111_101_101; // rwxr-xr-x
    private const int Readable = 0b110_100_100;   // rw-r--r--

    /// <summary>The entry paths of <paramref name="directory"/>'s files, '/'-separated and in the order they are zipped.</summary>
    public static IReadOnlyList<string> EntryNames(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// Writes the zip of <paramref name="directory"/> to <paramref name="zipPath"/> through a temporary file, so a failure
    /// leaves any previous package in place. <paramref name="executables"/> and native ELF files (the runtime's own
    /// helpers and shared libraries) get rwxr-xr-x, everything else rw-r--r--, decided by content rather than by the
    /// file system, which on Linux marks many published assemblies executable and on Windows has no such bit.
    /// </summary>
    public static void Write(string directory, string zipPath, IReadOnlySet<string> executables)
    {
        var target = Path.GetFullPath(zipPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        try
        {
            using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write))
            using (var archive = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                foreach (var name in EntryNames(directory))
                {
                    var source = Path.Combine(directory, name.Replace('/', Path.DirectorySeparatorChar));
                    var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                    entry.LastWriteTime = Timestamp;
                    var mode = executables.Contains(name) || IsElf(source) ? Executable : Readable;
                    entry.ExternalAttributes = (RegularFile | mode) << 16;
                    using var input = File.OpenRead(source);
                    using var output = entry.Open();
                    input.CopyTo(output);
                }
            }

            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>The Unix permission bits of an entry (zero when the zip was made without them).</summary>
    public static int UnixMode(ZipArchiveEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (entry.ExternalAttributes >> 16) & 0xFFFF;
    }

    private static bool IsElf(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) == magic.Length
            && magic.SequenceEqual("\u007fELF"u8);
    }
}
