package fr.catalyse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Catalyse: the workflow engine of a territorial co-construction programme. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CatalyseApplication {

  public static void main(String[] args) {
    SpringApplication.run(CatalyseApplication.class, args);
  }
}
