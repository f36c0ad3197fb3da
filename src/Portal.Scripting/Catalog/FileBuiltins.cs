namespace Portal.Scripting.Catalog;

/// <summary>FILE methods (Zoho's file functions: deluge/help/file-methods.html) and the text-to-file conversion.</summary>
internal static class FileBuiltins
{
    public static void Declare(CatalogBuilder b)
    {
        const BuiltinReceiver F = BuiltinReceiver.File;
        b.Method(F, "getFileName()", "TEXT", "The file's name, from Content-Disposition or the URL for a downloaded file.", "\"a,b\".toFile(\"data.csv\").getFileName()", "data.csv");
        b.Method(F, "setFileName(name)", "NULL", "Renames the file (the name a multipart upload sends).", "\"x\".toFile(\"a.txt\").setFileName(\"b.txt\")", "null");
        b.Method(F, "getFileType()", "TEXT", "The file's content type, such as image/png.", "\"a,b\".toFile(\"data.csv\").getFileType()", "text/csv");
        b.Method(F, "setFileType(type)", "NULL", "Sets the content type the file is sent as; a short type such as \"pdf\" becomes application/pdf.", "\"x\".toFile(\"a\").setFileType(\"pdf\")", "null");
        b.Method(F, "getFileSize()", "NUMBER", "The file's size in bytes.", "\"héllo\".toFile(\"a.txt\").getFileSize()", "6");
        b.Method(F, "size()", "NUMBER", "The file's size in bytes (same as getFileSize).", "\"abc\".toFile(\"a.txt\").size()", "3");
        b.Method(F, "getFileContent()", "TEXT", "The file's bytes read as UTF-8 text (binary files such as images give unreadable text).", "\"a,b\".toFile(\"data.csv\").getFileContent()", "a,b");
        b.Method(F, "setParamName(name)", "NULL", "The form field name invokeUrl's files: sends the file under (\"file\" when never set).", "\"x\".toFile(\"a.txt\").setParamName(\"file\")", "null");
        b.Method(F, "getParamName()", "TEXT", "The form field name set with setParamName, or null.", "\"x\".toFile(\"a.txt\").getParamName()", "null");
        b.Method(BuiltinReceiver.Text, "toFile(name)", "FILE", "A file holding the text as UTF-8, named name; the type comes from the extension.", "\"a,b\".toFile(\"data.csv\")", "data.csv (text/csv, 3 bytes)");
        b.Method(BuiltinReceiver.List, "toFile(name)", "FILE", "A file holding the list's JSON text, named name.", "[1,2].toFile(\"l.json\")", "l.json (application/json, 5 bytes)");
        b.Method(BuiltinReceiver.Map, "toFile(name)", "FILE", "A file holding the map's JSON text, named name.", "{\"a\":1}.toFile(\"m.json\")", "m.json (application/json, 7 bytes)");
        b.Method(BuiltinReceiver.Any, "isFile()", "BOOLEAN", "True when the value is a FILE, such as a binary invokeUrl answer.", "\"x\".isFile()", "false");
    }
}
