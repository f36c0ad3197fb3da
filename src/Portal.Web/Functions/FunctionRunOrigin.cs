namespace Portal.Web.Functions;

public enum FunctionRunOrigin
{
    Editor,
    ApiKey,
    Token,
}
