using SafetyCert.Host.Functions;
using SafetyCert.Host.Triggers;

namespace SafetyCert.Host.Cli;

/// <summary>
/// <c>safetycert functions --output &lt;dir&gt;</c>: writes host.json and every function.json for the Azure Functions
/// host, from the catalog <c>serve</c> builds, so the deployed layout matches what the app runs.
/// </summary>
internal static class FunctionsCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is not ["--output", { Length: > 0 } directory])
        {
            error.WriteLine("Usage: safetycert functions --output <dir>");
            return 2;
        }

        FunctionCatalog catalog;
        using (var app = ServeCommand.Build([]))
        {
            catalog = app.Services.GetRequiredService<FunctionCatalog>();
        }

        foreach (var file in CustomHandlerLayout.Write(catalog, directory))
        {
            output.WriteLine(Path.Combine(directory, file));
        }

        return 0;
    }
}
