using System.CommandLine;
using System.CommandLine.Invocation;

namespace SafetyCert.Host.Cli;

/// <summary>The executable's subcommands, parsed by System.CommandLine; <c>--help</c> works on the root and on each.</summary>
internal static class CommandLine
{
    /// <summary>Tokens are taken as typed: an argument starting with <c>@</c> is a value, not a response file.</summary>
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    public static Task<int> RunAsync(string[] args) => InvokeAsync(args, Console.Out, Console.Error);

    /// <summary>
    /// Parses and runs one command line. Bad options, values or arguments print what is wrong and where help is, and
    /// exit with 2; otherwise the command's own exit code (0 done, 1 failed).
    /// </summary>
    public static async Task<int> InvokeAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, HttpMessageHandler? importHandler = null)
    {
        var root = Create(stdout, stderr, importHandler);
        var result = root.Parse(args, Parsing);
        if (result.Action is ParseErrorAction)
        {
            var command = string.Join(' ', result.CommandResult.Command == root ? ["safetycert"] : new[] { "safetycert", result.CommandResult.Command.Name });
            foreach (var error in result.Errors)
            {
                stderr.WriteLine($"{command}: {error.Message}");
            }

            stderr.WriteLine($"See '{command} --help'.");
            return 2;
        }

        // dev and serve stop on Ctrl-C and SIGTERM themselves, in order; no forced exit after a timeout.
        return await result.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = null });
    }

    public static RootCommand Create(TextWriter stdout, TextWriter stderr, HttpMessageHandler? importHandler = null) =>
        new("SafetyCert: the work-safety standardization lifecycle (applications, reviews, certificates, reminders).")
        {
            PlanCommand.Create(stdout, stderr),
            ServeCommand.Create(),
            DevCommand.Create(stdout, stderr),
            TokenCommand.Create(stdout, stderr),
            ImportCommand.Create(stdout, stderr, importHandler),
        };
}
