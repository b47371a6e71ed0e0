package org.yilaoyixiao.platform.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and authentication scheme of the OpenAPI description shown at /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

    @Bean
    OpenAPI platformOpenApi() {
        return new OpenAPI()
                .info(new Info().title("青田县“一老一小”服务平台 API").version("v1")
                        .description("JSON, camelCase; paged lists {items, page, size, totalElements}; errors are "
                                + "RFC 9457 application/problem+json with a stable code and field errors. "
                                + "Authenticate with HTTP Basic using a platform account.")
                        .license(new License().name("Open source")))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
