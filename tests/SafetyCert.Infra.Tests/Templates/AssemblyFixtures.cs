using SafetyCert.Infra.Tests.Templates;

// main.bicep is compiled once for every test class that reads the result.
[assembly: AssemblyFixture(typeof(MainTemplateFixture))]
