// /docs: the OpenAPI schema of this server, shown by the vendored Swagger UI.
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
