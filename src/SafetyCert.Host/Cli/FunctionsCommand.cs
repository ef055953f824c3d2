using SafetyCert.Host.Functions;
using SafetyCert.Host.Triggers;

namespace SafetyCert.Host.Cli;

/// <summary>
/// <c>safetycert functions --output &lt;dir&gt;</c>: writes host.json and every function.json for the Azure Functions
/// host, from the catalog <c>serve</c> builds, so the deployed layout matches what the app runs. host.json expects the
/// published app in <c>&lt;dir&gt;/bin</c>; <c>safetycert package</c> puts it there.
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

        var catalog = Catalog();

        IReadOnlyList<string> files;
        try
        {
            files = CustomHandlerLayout.Write(catalog, directory);
        }
        catch (NotSupportedException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }

        foreach (var file in files)
        {
            output.WriteLine(Path.Combine(directory, file));
        }

        return 0;
    }

    /// <summary>The catalog exactly as <c>serve</c> registers it; building the app touches no storage.</summary>
    public static FunctionCatalog Catalog()
    {
        // Only names, schedules and queues are read: no storage is touched.
        using var app = ServeCommand.Build([]);
        return app.Services.GetRequiredService<FunctionCatalog>();
    }
}
