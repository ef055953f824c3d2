namespace SafetyCert.Host.Tests.Local.Samples;

public sealed record Person(string Name);
