namespace Portal.Scripting.Runtime.Builtins;

/// <summary>A whole number in English words, for toWords().</summary>
internal static class NumberWords
{
    private static readonly string[] Ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    private static readonly (long Value, string Name)[] Scales = [(1_000_000_000_000_000_000, "quintillion"), (1_000_000_000_000_000, "quadrillion"), (1_000_000_000_000, "trillion"), (1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand")];

    public static string Of(long number)
    {
        if (number == long.MinValue)
        {
            throw new Runtime.ScriptRuntimeException("toWords() cannot spell the smallest NUMBER; use a smaller value");
        }

        if (number < 0)
        {
            return "minus " + Of(-number);
        }

        if (number < 1000)
        {
            return UnderThousand((int)number);
        }

        var parts = new List<string>();
        foreach (var (value, name) in Scales)
        {
            if (number >= value)
            {
                parts.Add(UnderThousand((int)(number / value)) + " " + name);
                number %= value;
            }
        }

        if (number > 0)
        {
            parts.Add(UnderThousand((int)number));
        }

        return string.Join(' ', parts);
    }

    private static string UnderThousand(int number)
    {
        var hundreds = number / 100;
        var rest = number % 100;
        var words = hundreds > 0 ? Ones[hundreds] + " hundred" : "";
        if (rest == 0)
        {
            return words.Length == 0 ? Ones[0] : words;
        }

        var tail = rest < 20 ? Ones[rest] : Tens[rest / 10] + (rest % 10 > 0 ? "-" + Ones[rest % 10] : "");
        return words.Length == 0 ? tail : words + " " + tail;
    }
}
