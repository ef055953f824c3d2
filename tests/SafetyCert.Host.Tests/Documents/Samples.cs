using System.IO.Compression;
using System.Text;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Documents;

namespace SafetyCert.Host.Tests.Documents;

/// <summary>Enterprises, callers and file contents the document tests share.</summary>
internal static class Samples
{
    // Yinchuan and Shizuishan (Ningxia, 64xxxx) and Chaoyang (Beijing, 11xxxx), GB/T 2260.
    public static readonly EnterpriseRef NingxiaA = new("ningxia-a", "640104", ["unit-7"]);
    public static readonly EnterpriseRef NingxiaB = new("ningxia-b", "640205");
    public static readonly EnterpriseRef BeijingC = new("beijing-c", "110105");

    public static readonly Caller EnterpriseA = new("alice", Party.Enterprise, EnterpriseId: NingxiaA.Id);
    public static readonly Caller EnterpriseB = new("bob", Party.Enterprise, EnterpriseId: NingxiaB.Id);
    public static readonly Caller ReviewUnit = new("reviewer", Party.ReviewUnit, BodyId: "unit-7");
    public static readonly Caller NingxiaOrganization = new("nx-org", Party.ReviewOrganization, BodyId: "org-1", RegionCode: "640000");
    public static readonly Caller BeijingOrganization = new("bj-org", Party.ReviewOrganization, BodyId: "org-2", RegionCode: "110000");
    public static readonly Caller NingxiaRegulator = new("nx-reg", Party.Regulator, RegionCode: "640000", Level: RegulatorLevel.Provincial);
    public static readonly Caller BeijingRegulator = new("bj-reg", Party.Regulator, RegionCode: "110000", Level: RegulatorLevel.Provincial);
    public static readonly Caller Administrator = new("root", Party.Administrator);

    public static byte[] Pdf(string text) => Encoding.ASCII.GetBytes($"%PDF-1.7\n% {text}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    /// <summary>A real ZIP package, the container DOCX, XLSX and OFD share.</summary>
    public static byte[] Zip(string entry)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write("<document/>");
        }

        return buffer.ToArray();
    }

    public static byte[] Sized(int size)
    {
        var bytes = new byte[size];
        Pdf("padding").CopyTo(bytes, 0);
        for (var i = 64; i < size; i++)
        {
            bytes[i] = (byte)('a' + (i % 26));
        }

        return bytes;
    }
}
