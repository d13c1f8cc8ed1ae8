package fr.catalyse.documents;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The servlet container's bound on form uploads, drawn from the documents' own limit:
 * Spring Boot's default (1 MB a file) would refuse every real deliverable with a generic
 * message before this module could say why. The container accepts 1 MB more than
 * catalyse.documents.max-size, so that a file a little too large gets {@link Documents}'
 * precise French reason; beyond, the container's refusal answers a French 413 too
 * (platform.ApiErrors). Other uploads keep their own, smaller bounds (the participants'
 * import: 1 MB).
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

    static final DataSize MARGIN = DataSize.ofMegabytes(1);

    @Bean
    MultipartConfigElement multipartConfigElement(DocumentProperties properties) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        DataSize file = DataSize.ofBytes(properties.maxSize().toBytes() + MARGIN.toBytes());
        factory.setMaxFileSize(file);
        factory.setMaxRequestSize(DataSize.ofBytes(file.toBytes() + MARGIN.toBytes()));
        // Parts above this go to a temporary file instead of the heap while the request
        // is read.
        factory.setFileSizeThreshold(DataSize.ofKilobytes(256));
        return factory.createMultipartConfig();
    }

}
