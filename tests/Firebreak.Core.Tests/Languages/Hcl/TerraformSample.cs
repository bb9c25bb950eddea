namespace Firebreak.Core.Tests.Languages.Hcl;

/// <summary>A realistic Terraform file touching most of the syntax, for never-throw and prefix tests.</summary>
internal static class TerraformSample
{
    public const string Text = """
        terraform {
          required_version = ">= 1.5.0"
          required_providers {
            aws = {
              source  = "hashicorp/aws"
              version = "~> 5.0"
            }
          }
          backend "s3" {
            bucket = "acme-tf-state"
            key    = "prod/db.tfstate"
            region = "eu-west-1"
          }
        }

        # firebreak:ignore FB1001 -- the staging database is disposable
        variable "environment" {
          type    = string
          default = "staging"
          validation {
            condition     = contains(["staging", "production"], var.environment)
            error_message = "Unknown environment: ${var.environment}."
          }
        }

        locals {
          is_prod    = var.environment == "production"
          name       = "acme-${var.environment}"
          subnet_ids = [for s in data.aws_subnet.private : s.id if s.map_public_ip_on_launch == false]
          tags = {
            Environment = var.environment
            "Owner"     : "platform"
          }
          by_az = { for s in data.aws_subnet.private : s.availability_zone => s.id... }
        }

        resource "aws_db_instance" "main" {
          identifier          = local.name
          engine              = "postgres"
          instance_class      = local.is_prod ? "db.r6g.large" : "db.t4g.micro"
          allocated_storage   = 20 * (local.is_prod ? 5 : 1)
          skip_final_snapshot = !local.is_prod
          deletion_protection = local.is_prod && true
          backup_retention_period = local.is_prod ? 14 : 0
          db_subnet_group_name    = aws_db_subnet_group.main.name
          vpc_security_group_ids  = aws_security_group.db[*].id
          tags                    = merge(local.tags, { Name = local.name })

          lifecycle {
            prevent_destroy = false // TODO: turn on for production
            ignore_changes  = [tags["LastDeployed"], password]
          }
        }

        /* Backups go to the same account and region as the data:
           see FB3001. */
        resource "aws_backup_vault" "main" {
          name        = "${local.name}-vault"
          kms_key_arn = aws_kms_key.backup.arn
          force_destroy = true
        }

        resource "aws_backup_plan" "daily" {
          name = "daily"
          rule {
            rule_name         = "daily"
            target_vault_name = aws_backup_vault.main.name
            schedule          = "cron(0 5 * * ? *)"
            lifecycle {
              delete_after = 7
            }
          }
        }

        resource "aws_iam_policy" "ci" {
          name   = "ci-${var.environment}"
          policy = <<-POLICY
            {
              "Version": "2012-10-17",
              "Statement": [{
                "Effect": "Allow",
                "Action": "*",
                "Resource": "${aws_db_instance.main.arn}"
              }]
            }
          POLICY
        }

        resource "aws_instance" "worker" {
          count         = local.is_prod ? 3 : 1
          ami           = data.aws_ami.ubuntu.id
          instance_type = "t3.micro"
          user_data     = <<EOT
        #!/bin/bash
        %{ for i, az in keys(local.by_az) ~}
        echo "zone ${i}: ${az}"
        %{ endfor ~}
        %{ if local.is_prod }echo prod%{ else }echo $${HOME}%{ endif }
        EOT
          dynamic "ebs_block_device" {
            for_each = toset(["/dev/sdb", "/dev/sdc"])
            content {
              device_name = ebs_block_device.value
              volume_size = 10
              delete_on_termination = true
            }
          }
        }

        output "worker_ips" {
          value     = aws_instance.worker.*.private_ip
          sensitive = false
        }

        output "first_worker" {
          value = aws_instance.worker.0.id
        }

        output "arn_parts" {
          value = provider::aws::arn_parse(aws_db_instance.main.arn)
        }

        module "network" {
          source  = "./modules/network"
          cidrs   = concat(["10.0.0.0/16"], var.extra_cidrs...)
          enabled = (var.environment != "dev") || -1 < 0
          ratio   = 10 / 4 % 3 - 1.5e0
        }
        """;
}
