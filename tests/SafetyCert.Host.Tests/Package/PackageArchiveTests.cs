using System.IO.Compression;
using SafetyCert.Host.Cli;

namespace SafetyCert.Host.Tests.Package;

public sealed class PackageArchiveTests : IDisposable
{
    private const int ReadWrite = 0b110_100_100;
    private const int Executable = 0b111_101_101;

    private readonly string directory = Directory.CreateTempSubdirectory("package-archive-").FullName;

    [Fact]
    public void The_same_files_give_the_same_bytes_with_entries_in_ordinal_order()
    {
        var source = Folder("source", "b/z.json", "B/a.json", "a.txt", "host.json");

        PackageArchive.Write(source, Path.Combine(directory, "first.zip"), new HashSet<string>());
        File.SetLastWriteTimeUtc(Path.Combine(source, "a.txt"), DateTime.UtcNow.AddDays(-3));
        PackageArchive.Write(source, Path.Combine(directory, "second.zip"), new HashSet<string>());

        Assert.Equal(File.ReadAllBytes(Path.Combine(directory, "first.zip")), File.ReadAllBytes(Path.Combine(directory, "second.zip")));
        using var zip = ZipFile.OpenRead(Path.Combine(directory, "first.zip"));
        Assert.Equal(["B/a.json", "a.txt", "b/z.json", "host.json"], zip.Entries.Select(e => e.FullName));
    }

    [Fact]
    public void Named_executables_and_native_files_are_executable_and_the_rest_only_readable()
    {
        var source = Folder("source", "bin/app", "bin/app.dll", "host.json");
        File.WriteAllBytes(Path.Combine(source, "bin", "createdump"), [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1]);

        PackageArchive.Write(source, Path.Combine(directory, "out", "package.zip"), new HashSet<string> { "bin/app" });

        using var zip = ZipFile.OpenRead(Path.Combine(directory, "out", "package.zip"));
        var modes = zip.Entries.ToDictionary(e => e.FullName, e => PackageArchive.UnixMode(e) & 0x1FF);
        Assert.Equal(Executable, modes["bin/app"]);
        Assert.Equal(Executable, modes["bin/createdump"]);
        Assert.Equal(ReadWrite, modes["bin/app.dll"]);
        Assert.Equal(ReadWrite, modes["host.json"]);
        Assert.All(zip.Entries, e => Assert.Equal(0x8000, PackageArchive.UnixMode(e) & 0xF000));
    }

    [Fact]
    public void A_failed_write_leaves_the_previous_package_in_place()
    {
        var target = Path.Combine(directory, "package.zip");
        File.WriteAllText(target, "previous");

        Assert.Throws<DirectoryNotFoundException>(() =>
            PackageArchive.Write(Path.Combine(directory, "missing"), target, new HashSet<string>()));

        Assert.Equal("previous", File.ReadAllText(target));
        Assert.False(File.Exists(target + ".partial"));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Folder(string name, params string[] files)
    {
        var root = Path.Combine(directory, name);
        foreach (var file in files)
        {
            var path = Path.Combine(root, file.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, $"content of {file}");
        }

        return root;
    }
}
