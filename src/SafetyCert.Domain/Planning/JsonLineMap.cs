using System.Text;
using System.Text.Json;

namespace SafetyCert.Domain.Planning;

/// <summary>
/// The line of every property and array element of a JSON text, by its path in System.Text.Json's
/// notation (<c>$.events[2].data.receivedOn</c>), so an error found after parsing can still name its line.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, long> lines = new(StringComparer.Ordinal);

    private JsonLineMap()
    {
    }

    public static JsonLineMap Build(string json)
    {
        var map = new JsonLineMap();
        var bytes = Encoding.UTF8.GetBytes(json);
        var newlines = new List<long>();
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                newlines.Add(i);
            }
        }

        long LineAt(long offset)
        {
            var index = newlines.BinarySearch(offset);
            return (index < 0 ? ~index : index) + 1;
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        // Each frame: the container's path, and for arrays the next element index.
        var frames = new Stack<(string Path, bool IsArray, int Next)>();
        string? pendingProperty = null;
        try
        {
            while (reader.Read())
            {
                string? valuePath = null;
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    var (parent, _, _) = frames.Peek();
                    pendingProperty = $"{parent}.{reader.GetString()}";
                    map.lines.TryAdd(pendingProperty, LineAt(reader.TokenStartIndex));
                    continue;
                }

                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    frames.Pop();
                    continue;
                }

                if (frames.Count == 0)
                {
                    valuePath = "$";
                }
                else if (frames.Peek() is { IsArray: true } array)
                {
                    frames.Pop();
                    valuePath = $"{array.Path}[{array.Next}]";
                    frames.Push(array with { Next = array.Next + 1 });
                    map.lines.TryAdd(valuePath, LineAt(reader.TokenStartIndex));
                }
                else
                {
                    valuePath = pendingProperty!;
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    frames.Push((valuePath, reader.TokenType == JsonTokenType.StartArray, 0));
                }
            }
        }
        catch (JsonException)
        {
            // A syntax error is reported by the parser itself, with its line.
        }

        return map;
    }

    /// <summary>The line of a path, or of its nearest ancestor that has one.</summary>
    public long? LineOf(string path)
    {
        for (var current = path; current.Length > 0; current = Parent(current))
        {
            if (lines.TryGetValue(current, out var line))
            {
                return line;
            }
        }

        return null;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }
}
