package fr.catalyse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Catalyse: the workflow engine of a territorial co-construction programme. Each package
 * below is a module (ModularityTests); platform is the one every module may use without
 * declaring it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "platform")
public class CatalyseApplication {

    public static void main(String[] args) {
        SpringApplication.run(CatalyseApplication.class, args);
    }

}
