using System.Globalization;
using System.Text;

namespace SafetyCert.Functions.Notifications;

/// <summary>Escapes the characters Table storage forbids in PartitionKey and RowKey (/ \ # ? and controls) as %XX.</summary>
internal static class TableKeys
{
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Unescape(string value) => Uri.UnescapeDataString(value);
}
