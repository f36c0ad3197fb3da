namespace Portal.Scripting.Catalog;

/// <summary>NUMBER and DECIMAL methods, and the methods every value has.</summary>
internal static class NumberBuiltins
{
    public static void Declare(CatalogBuilder b)
    {
        const BuiltinReceiver N = BuiltinReceiver.Number;
        b.Method(N, "round(places?)", "NUMBER|DECIMAL", "Rounds half away from zero to places decimals; a negative places rounds to tens, hundreds, …", "1234.567.round(-1)", "1230");
        b.Method(N, "abs()", "NUMBER|DECIMAL", "Absolute value.", "(-4).abs()", "4");
        b.Method(N, "ceil()", "NUMBER", "Smallest whole number not below the value.", "4.2.ceil()", "5");
        b.Method(N, "floor()", "NUMBER", "Largest whole number not above the value.", "4.8.floor()", "4");
        b.Method(N, "power(exponent)", "NUMBER|DECIMAL", "The value raised to the exponent.", "2.power(10)", "1024");
        b.Method(N, "sqrt()", "DECIMAL", "The square root; a negative value is an error.", "16.sqrt()", "4");
        b.Method(N, "exp()", "DECIMAL", "e raised to the value.", "0.exp()", "1");
        b.Method(N, "log()", "DECIMAL", "The natural logarithm; the value must be above 0.", "1.log()", "0");
        b.Method(N, "frac()", "DECIMAL", "The fractional part (sign kept).", "5.25.frac()", "0.25");
        b.Method(N, "signum()", "NUMBER", "-1, 0 or 1 by the value's sign.", "(-7.5).signum()", "-1");
        b.Method(N, "isOdd()", "BOOLEAN", "True for odd whole numbers.", "7.isOdd()", "true");
        b.Method(N, "isEven()", "BOOLEAN", "True for even whole numbers.", "7.isEven()", "false");
        b.Method(N, "toDecimal()", "DECIMAL", "The value as a DECIMAL.", "3.toDecimal() / 2", "1.5");
        b.Method(N, "toLong()", "NUMBER", "The value as a whole NUMBER (truncated).", "3.9.toLong()", "3");
        b.Method(N, "toNumber()", "NUMBER", "The value as a whole NUMBER (truncated).", "3.9.toNumber()", "3");
        b.Method(N, "toHex()", "TEXT", "The whole number in hexadecimal.", "255.toHex()", "ff");
        b.Method(N, "toWords()", "TEXT", "The whole number in English words.", "121.toWords()", "one hundred twenty-one");

        const BuiltinReceiver A = BuiltinReceiver.Any;
        b.Method(A, "toString(format?, timeZone?)", "TEXT", "The value's text form; numbers take a pattern like \"#,##0.00\", \"0%\", \"$#,##0.00\", dates one like \"yyyy-MM-dd\" and a TZ database zone to show the time in.", "1234.5.toString(\"#,##0.00\")", "1,234.50");
        b.Method(A, "toText(format?, timeZone?)", "TEXT", "Same as toString.", "12.toText()", "12");
        b.Method(A, "isNull()", "BOOLEAN", "True for null and the empty text.", "\"\".isNull()", "true");
        b.Method(A, "isDate()", "BOOLEAN", "True for a DATE-TIME, or text holding a date or date-time.", "\"2024-01-31\".isDate()", "true");
        b.Method(A, "isText()", "BOOLEAN", "True when the value is TEXT.", "\"a\".isText()", "true");
        b.Method(A, "isNumber()", "BOOLEAN", "True when the value is a NUMBER or DECIMAL, or text holding one.", "12.isNumber()", "true");
    }
}
