namespace Portal.Scripting.Catalog;

/// <summary>Keywords, the invokeUrl task, saved-function calls and system values.</summary>
internal static class LanguageBuiltins
{
    public static void Declare(CatalogBuilder b)
    {
        void Keyword(string name, string signature, string doc, string result = "keyword") => b.Other(BuiltinReceiver.Keyword, name, signature, result, doc);
        Keyword("if", "if (condition) { … } else if (condition) { … } else { … }", "Runs a block when the condition is true; braces are required.");
        Keyword("else", "else { … }", "The block that runs when no if condition was true.");
        Keyword("for each", "for each item in listOrMap { … }", "Loops over a list's items or a map's keys.");
        Keyword("for each index", "for each index i in list { … }", "Loops over a list's positions 0, 1, 2, …");
        Keyword("in", "for each item in list { … }", "Names the list or map a for each loop walks.");
        Keyword("break", "break;", "Leaves the innermost loop.");
        Keyword("continue", "continue;", "Skips to the next loop iteration.");
        Keyword("try", "try { … } catch (e) { … }", "Runs the catch block with the error message in e when the try block fails.");
        Keyword("catch", "catch (e) { … }", "Handles an error of the try block; e holds the message.");
        Keyword("info", "info value;", "Appends the value's text form to the run log.");
        Keyword("return", "return value;", "Ends the function and returns the value.");
        Keyword("true", "true", "The BOOLEAN true.", "constant");
        Keyword("false", "false", "The BOOLEAN false.", "constant");
        Keyword("null", "null", "No value; equal only to null.", "constant");
        b.Other(BuiltinReceiver.Task, "invokeUrl", "invokeUrl [ url: … type: GET|POST|PUT|PATCH|DELETE headers: map parameters: map|text body: text content-type: text connection: name detailed: bool files: list ]", "MAP|LIST|TEXT", "Calls an HTTP API; JSON answers become maps or lists, 4xx/5xx are returned.");
        b.Other(BuiltinReceiver.Task, "sendmail", "sendmail [ from: zoho.adminuserid to: \"a@x.com\", \"b@x.com\" cc: … bcc: … reply to: … subject: text message: text content type: HTML|plaintext ]", "NULL", "Sends an e-mail (SMTP, or the portal's Outbox when none is configured).");
        b.Other(BuiltinReceiver.Task, "standalone", "standalone.api_name(arg1, arg2, …)", "ANY", "Calls another saved function and returns its result.");

        foreach (var (value, result, doc) in new[]
                 {
                     ("currenttime", "DATE-TIME", "The current date and time."),
                     ("currentdate", "DATE-TIME", "Today's date."),
                     ("loginuser", "TEXT", "E-mail of the user the run executes for."),
                     ("loginuserid", "TEXT", "Id of the user the run executes for."),
                     ("adminuser", "TEXT", "E-mail of the portal administrator."),
                     ("adminuserid", "TEXT", "E-mail of the portal administrator; sendmail from: zoho.adminuserid sends as the configured sender."),
                 })
        {
            b.Other(BuiltinReceiver.SystemValue, "zoho." + value, "zoho." + value, result, doc);
            b.Other(BuiltinReceiver.SystemValue, "portal." + value, "portal." + value, result, doc + " (alias of zoho." + value + ")");
        }
    }
}
