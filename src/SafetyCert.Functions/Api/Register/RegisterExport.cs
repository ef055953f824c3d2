using MiniExcelLibs;
using SafetyCert.Domain.Certificates;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Certificates;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Workflows;

namespace SafetyCert.Functions.Api.Register;

/// <summary>The regulator's ledger as an .xlsx with the columns the import reads, so an export imported again changes nothing.</summary>
internal sealed class RegisterExport(EnterpriseRegistry enterprises, CertificateIndex certificates, RegisterBook book, ProfileCatalog profiles)
{
    public async Task<byte[]> WriteAsync(Caller caller, WorkflowClient workflows, CancellationToken ct)
    {
        var rows = new List<Dictionary<string, object>>();
        await foreach (var certificate in certificates.ListAsync(ct))
        {
            if (!caller.CoversRegion(certificate.RegionCode))
            {
                continue;
            }

            var enterprise = await enterprises.GetAsync(certificate.EnterpriseId, ct);
            var status = await workflows.GetStatusAsync(WorkflowKinds.Certificate, certificate.CertificateId, ct);
            var lastValidDay = CertificateValidity.LastValidDay(certificate.IssuedOn, profiles.Get(certificate.ProfileId, certificate.IssuedOn));
            rows.Add(new Dictionary<string, object>
            {
                [RegisterColumns.CreditCode] = certificate.EnterpriseId,
                [RegisterColumns.Name] = enterprise?.Name ?? "",
                [RegisterColumns.Number] = certificate.Number,
                [RegisterColumns.Grade] = RegisterColumns.GradeLabel(certificate.Grade),
                [RegisterColumns.Industry] = RegisterColumns.IndustryLabel(certificate.Industry),
                [RegisterColumns.RegionCode] = certificate.RegionCode,
                [RegisterColumns.IssuingBody] = await book.IssuingBodyAsync(certificate.CertificateId, ct) ?? "",
                [RegisterColumns.IssuedOn] = certificate.IssuedOn.ToString("yyyy-MM-dd", null),
                [RegisterColumns.LastValidDay] = lastValidDay.ToString("yyyy-MM-dd", null),
                [RegisterColumns.Status] = RegisterColumns.StatusLabel(status?.Status),
            });
        }

        using var stream = new MemoryStream();
        if (rows.Count == 0)
        {
            rows.Add(RegisterColumns.All.ToDictionary(c => c, _ => (object)""));
        }

        stream.SaveAs(rows.OrderBy(r => (string)r[RegisterColumns.Number], StringComparer.Ordinal), excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
