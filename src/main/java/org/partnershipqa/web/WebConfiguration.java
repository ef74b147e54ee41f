package org.partnershipqa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.webjars.WebJarVersionLocator;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  private final ObjectMapper json;

  WebConfiguration(ObjectMapper json) {
    this.json = json;
  }

  /** Before every other handler: a failure because the database cannot be reached is a 503, not an error. */
  @Override
  public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
    resolvers.add(0, new DatabaseUnavailablePages(json));
  }

  /** GOV.UK Frontend's stylesheet loads its fonts and images from /assets/ (its default asset path). */
  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    String version = new WebJarVersionLocator().version("govuk-frontend");
    registry.addResourceHandler("/assets/**")
        .addResourceLocations("classpath:/META-INF/resources/webjars/govuk-frontend/" + version + "/dist/govuk/assets/");
  }
}
