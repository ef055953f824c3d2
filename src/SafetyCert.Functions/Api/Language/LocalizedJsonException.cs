using System.Text.Json;

namespace SafetyCert.Functions.Api.Language;

/// <summary>A value the app's own JSON converters refuse, with the reason in both languages for the 400 that names the field.</summary>
internal sealed class LocalizedJsonException : JsonException
{
    public LocalizedJsonException(ApiText text)
        : base(text?.English)
    {
        Text = text!;
    }

    public LocalizedJsonException()
        : this(new ApiText("该值无法读取。", "The value could not be read."))
    {
    }

    public LocalizedJsonException(string message)
        : this(new ApiText(message, message))
    {
    }

    public LocalizedJsonException(string message, Exception innerException)
        : base(message, innerException)
    {
        Text = new ApiText(message, message);
    }

    public ApiText Text { get; }
}
