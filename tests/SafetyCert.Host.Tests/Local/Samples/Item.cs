namespace SafetyCert.Host.Tests.Local.Samples;

public sealed record Item(int Id, string? Part, string Method);
