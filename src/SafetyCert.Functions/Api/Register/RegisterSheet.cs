namespace SafetyCert.Functions.Api.Register;

/// <summary>Which of the register's sheets a file is, told by its header row: certificates, review organizations or review units.</summary>
internal enum RegisterSheet
{
    Certificates,
    ReviewOrganizations,
    ReviewUnits,
}
